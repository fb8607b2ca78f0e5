namespace Microstructure.Engine;

/// <summary>
/// What the book trades: tick and lot sizes (to convert integer ticks and lots to real units at the edges)
/// and the bounds the engine enforces on every order.
/// </summary>
/// <param name="Symbol">Display name, e.g. "BTCUSDT".</param>
/// <param name="TickSize">Price of one tick in quote currency, e.g. 0.1.</param>
/// <param name="LotSize">Size of one lot in base currency, e.g. 0.001.</param>
/// <param name="MinPrice">Lowest acceptable limit/stop price (inclusive), in ticks; must be ≥ 1.</param>
/// <param name="MaxPrice">Highest acceptable limit/stop price (inclusive), in ticks.</param>
/// <param name="MaxQuantity">Largest acceptable order quantity, in lots.</param>
public sealed record InstrumentSpec(
    string Symbol,
    decimal TickSize,
    decimal LotSize,
    Price MinPrice,
    Price MaxPrice,
    Quantity MaxQuantity)
{
    /// <summary>A BTCUSDT-like perpetual: 0.1 USDT ticks, 0.001 BTC lots, prices up to 10M USDT.</summary>
    public static InstrumentSpec Default { get; } =
        new("BTCUSDT", 0.1m, 0.001m, new Price(1), new Price(100_000_000), new Quantity(1_000_000_000));

    /// <summary>True when <paramref name="price"/> lies inside [<see cref="MinPrice"/>, <see cref="MaxPrice"/>].</summary>
    public bool IsPriceInBounds(Price price) => price >= MinPrice && price <= MaxPrice;
}
