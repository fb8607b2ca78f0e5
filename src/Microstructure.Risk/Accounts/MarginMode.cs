namespace Microstructure.Risk.Accounts;

/// <summary>How an account's cash backs its position.</summary>
public enum MarginMode : byte
{
    /// <summary>The whole account balance backs the position; a loss can take all of it.</summary>
    Cross = 0,

    /// <summary>Only the margin allocated to the position backs it; the rest of the balance is out of reach of its losses.</summary>
    Isolated = 1,
}
