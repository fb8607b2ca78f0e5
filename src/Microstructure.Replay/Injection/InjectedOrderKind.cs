namespace Microstructure.Replay.Injection;

/// <summary>What an injected order is.</summary>
public enum InjectedOrderKind : byte
{
    /// <summary>Market order: sweeps the book, an unfilled rest is cancelled.</summary>
    Market = 0,

    /// <summary>Limit order, good till cancelled: what does not cross rests in the book.</summary>
    Limit = 1,

    /// <summary>Limit order, immediate or cancel.</summary>
    Ioc = 2,

    /// <summary>A liquidation shock: a reduce-only market order, labelled as a liquidation on the tape.</summary>
    Liquidation = 3,
}
