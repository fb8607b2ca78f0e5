namespace Microstructure.Risk.Liquidation;

/// <summary>Time in force of <c>tiered-partial</c>'s reduction order.</summary>
public enum PartialOrderTimeInForce : byte
{
    /// <summary>Immediate or cancel: fill what crosses at or better than the bankruptcy price.</summary>
    Ioc = 0,

    /// <summary>Fill or kill: the whole reduction or nothing.</summary>
    Fok = 1,
}
