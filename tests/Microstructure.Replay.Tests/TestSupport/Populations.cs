using Microstructure.Engine;
using Microstructure.Replay.Injection;
using Microstructure.Replay.Population;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;

namespace Microstructure.Replay.Tests.TestSupport;

/// <summary>Leveraged populations and shocks sized for the AAPL sample and the synthetic Tardis book.</summary>
internal static class Populations
{
    /// <summary>
    /// 30 longs of 5–20 shares at 300–1000× (one bracket: 0.05% maintenance, no fees), opened at 09:30:05: close
    /// enough to the money that a 1,500-share market sell at 09:30:10 liquidates some of them.
    /// </summary>
    public static PopulationSpec Aapl(string design = LiquidationPolicies.FullClose) => new()
    {
        Accounts = 30,
        Seed = 7,
        LongFraction = 1m,
        Leverage = new LeverageSpec { Min = 300, Max = 1000 },
        MinLots = 5,
        MaxLots = 20,
        Entry = new PopulationEntry(34_205L * 1_000_000_000, null),
        TakerFeeRate = 0m,
        MakerFeeRate = 0m,
        Brackets = new BracketTable([new MarginBracketSpec(1_000_000_000m, 1000, 0.0005m)]),
        Liquidation = LiquidationPolicies.CreateDesign(design),
    };

    public static InjectedOrder AaplShock(long shares = 1_500) => new(34_210L * 1_000_000_000, InjectedOrderKind.Market, Side.Sell, shares, 0, "shock", 2);

    /// <summary>40 longs of 0.05–0.2 BTC at 100–200× (one bracket: 0.1% maintenance), opened 2 s into the synthetic Tardis book.</summary>
    public static PopulationSpec Btc(MarkSource mark = MarkSource.Mid) => new()
    {
        Accounts = 40,
        Seed = 3,
        LongFraction = 1m,
        Leverage = new LeverageSpec { Min = 100, Max = 200 },
        MinLots = 50,
        MaxLots = 200,
        Brackets = new BracketTable([new MarginBracketSpec(1_000_000_000m, 200, 0.001m)]),
        Entry = new PopulationEntry((TardisFiles.Start + 2_000_000) * 1_000, null),
        Mark = mark,
        Liquidation = LiquidationPolicies.CreateDesign(LiquidationPolicies.FullClose),
    };

    public static InjectedOrder BtcShock(long lots = 45_000) => new((TardisFiles.Start + 10_000_000) * 1_000, InjectedOrderKind.Market, Side.Sell, lots, 0, "shock", 2);
}
