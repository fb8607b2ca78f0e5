namespace Microstructure.Engine;

/// <summary>The kind of a new order.</summary>
public enum OrderType : byte
{
    /// <summary>Limit order at <see cref="OrderCommand.Price"/>; time in force decides what happens to the rest.</summary>
    Limit = 0,

    /// <summary>Market order: takes liquidity at any price; an unfilled remainder is cancelled, never rested.</summary>
    Market = 1,

    /// <summary>Becomes a market order when the last trade price reaches <see cref="OrderCommand.StopPrice"/>.</summary>
    StopMarket = 2,

    /// <summary>Becomes a limit order at <see cref="OrderCommand.Price"/> when the last trade reaches the stop price.</summary>
    StopLimit = 3,
}
