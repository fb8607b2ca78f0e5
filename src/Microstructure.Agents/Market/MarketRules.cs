using Microstructure.Risk.Lending;
using Microstructure.Risk.Margin;

namespace Microstructure.Agents.Market;

/// <summary>The exchange's published rules an agent may use to size orders: contract, fees, margin brackets, pool.</summary>
/// <param name="Instrument">Tick and lot sizes and price bounds.</param>
/// <param name="CashPerTickLot">Cash units per tick per lot (k).</param>
/// <param name="TakerFeeRate">Taker fee as a fraction.</param>
/// <param name="MakerFeeRate">Maker fee as a fraction.</param>
/// <param name="MarketOrderBuffer">Market orders are margined at the best price × (1 + this).</param>
/// <param name="Brackets">Maintenance brackets (their maximum leverage caps the leverage an agent may set).</param>
/// <param name="LendingPool">The lending pool's parameters, or null when the exchange has none.</param>
/// <param name="InitialPrice">The scenario's starting price in ticks (what agents anchor on before the book forms).</param>
public sealed record MarketRules(
    InstrumentSpec Instrument,
    long CashPerTickLot,
    double TakerFeeRate,
    double MakerFeeRate,
    double MarketOrderBuffer,
    BracketTable Brackets,
    LendingPoolOptions? LendingPool,
    long InitialPrice)
{
    /// <summary>Lowest valid price in ticks.</summary>
    public long MinPrice => Instrument.MinPrice.Ticks;

    /// <summary>Highest valid price in ticks.</summary>
    public long MaxPrice => Instrument.MaxPrice.Ticks;

    /// <summary>Clamps a price to the instrument's bounds.</summary>
    public long ClampPrice(long ticks) => Math.Clamp(ticks, MinPrice, MaxPrice);

    /// <summary>Cash value of <paramref name="lots"/> at <paramref name="priceTicks"/> (cash units).</summary>
    public long Notional(long lots, long priceTicks) => Math.Abs(lots) * priceTicks * CashPerTickLot;

    /// <summary>Whole lots that <paramref name="cash"/> buys at <paramref name="priceTicks"/> (rounded down; 0 when the price is unknown).</summary>
    public long LotsFor(double cash, long priceTicks) =>
        priceTicks <= 0 || cash <= 0 ? 0 : (long)Math.Floor(cash / ((double)priceTicks * CashPerTickLot));

    /// <summary>The highest leverage the brackets allow for a position of <paramref name="notional"/> cash units.</summary>
    public int MaxLeverage(long notional) => Brackets.MaxLeverage(Math.Max(0, notional));
}
