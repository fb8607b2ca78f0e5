namespace Microstructure.Replay.Processing;

/// <summary>What a <see cref="MarketDataUpdate"/> carries.</summary>
internal enum MarketDataKind : byte
{
    /// <summary>A historical trade (price, quantity, aggressor side).</summary>
    Trade = 0,

    /// <summary>A historical liquidation order (side of the liquidation order, price, quantity).</summary>
    Liquidation = 1,

    /// <summary>Mark, index and last price, funding rate, open interest.</summary>
    Ticker = 2,

    /// <summary>A trading halt or resumption (see <see cref="MarketDataUpdate.Halt"/>).</summary>
    Halt = 3,
}
