namespace Microstructure.Risk.Liquidation;

/// <summary>What a design does with the part of a breached position the book could not take.</summary>
public enum RemainderHandling : byte
{
    /// <summary>Close it against ranked opposite positions at the bankruptcy price (always possible: positions net to zero).</summary>
    AutoDeleverage = 0,

    /// <summary>Leave it with the account, which stays in liquidation, and retry after <c>retrySeconds</c>.</summary>
    Retry = 1,
}
