using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Processing;

namespace Microstructure.Risk.Tests.TestSupport;

/// <summary>Instruments and option sets the tests share.</summary>
internal static class Instruments
{
    /// <summary>$0.01 ticks, one-unit lots: one tick on one lot is 10⁶ cash units; price 100.00 = 10,000 ticks.</summary>
    public static readonly InstrumentSpec Cents = new("TEST", 0.01m, 1m, new Price(1), new Price(1_000_000), new Quantity(1_000_000));

    /// <summary>
    /// Plain settings: no fees, external mark, no funding, one flat 0.5% bracket up to 100×, and the immediate
    /// liquidation engine (each liquidation runs to the end inside its command, by market order) — the static rules
    /// in isolation. Tests of the venue's clocked engine say so with <c>with { LiquidationEngine = new() }</c>.
    /// </summary>
    public static ExchangeOptions Simple(decimal maintenance = 0.005m, int maxLeverage = 100) => new()
    {
        Instrument = Cents,
        MaxAccounts = 64,
        MaxOrders = 4_096,
        TakerFeeRate = 0m,
        MakerFeeRate = 0m,
        DefaultLeverage = 10,
        Brackets = new BracketTable([new MarginBracketSpec(1_000_000_000m, maxLeverage, maintenance)]),
        Mark = new MarkPriceOptions { Method = MarkPriceMethod.External },
        LiquidationEngine = Microstructure.Risk.Liquidation.LiquidationEngineOptions.Immediate,
        Funding = new FundingOptions { Enabled = false },
    };
}
