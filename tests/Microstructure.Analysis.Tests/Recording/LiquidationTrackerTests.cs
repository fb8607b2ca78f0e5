using System.Globalization;
using Microstructure.Analysis.Recording;
using Microstructure.Analysis.Tests.Recording.TestSupport;
using Microstructure.Risk;
using Microstructure.Risk.Liquidation;

namespace Microstructure.Analysis.Tests.Recording;

public sealed class LiquidationTrackerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public static TheoryData<string> Designs => [.. LiquidationPolicies.DesignNames];

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(Designs))]
    public void Per_liquidation_rows_add_up_to_the_tapes_under_every_design(string design)
    {
        ExchangeScript s = CrowdCascade.Run(LiquidationPolicies.CreateDesign(design), seed: 4, takerFee: 0.0004m, makerFee: 0.0002m);
        using RunRecorder recorder = RunRecorder.Create(_temp.Sub(design), CrowdCascade.Info(s, design), new RecorderOptions { WritePlots = false });
        s.ReplayInto(recorder);
        RunSummary summary = recorder.Complete();
        List<Dictionary<string, string?>> rows = TableText.CsvRecords(Path.Combine(summary.Directory, "analysis", "liquidations.csv"));

        Assert.Equal(s.Events.Count(e => e.Type == ExchangeEventType.LiquidationTriggered), rows.Count);
        Assert.True(rows.Count > 0);
        // Depth consumed is every fill of the liquidations' own (negative-id) orders; ADL lots are the ADL tape's.
        Assert.Equal(s.Events.Where(e => e.Type == ExchangeEventType.Trade && e.LiquidationId != 0 && e.Engine.OrderId.Value < 0).Sum(e => e.Engine.Quantity.Lots), rows.Sum(r => L(r["depth_consumed"])));
        Assert.Equal(s.Events.Where(e => e.Type == ExchangeEventType.AutoDeleverage).Sum(e => e.Engine.Quantity.Lots), rows.Sum(r => L(r["adl_lots"])));
        Assert.Equal(summary.AdlLots, rows.Sum(r => L(r["adl_lots"])));
        // The fund moves only through liquidations here (no funding): its result is the sum of their fund deltas.
        Assert.Equal(summary.FundNetChange, rows.Sum(r => L(r["fund_delta"])));
        Assert.Equal(summary.FundUsage, rows.Sum(r => Math.Max(0, -L(r["fund_delta"]))));
        Assert.Equal(summary.LiquidatedNotional, rows.Sum(r => L(r["notional"])));
        Assert.Equal(summary.BadDebt, rows.Sum(r => L(r["bad_debt"])));

        var waveOf = new Dictionary<long, long>();
        foreach (Dictionary<string, string?> r in rows)
        {
            long id = L(r["liquidation_id"]), parent = L(r["parent_id"]);
            waveOf[id] = L(r["wave"]);
            // Parents come first and sit one wave up; roots are wave 1.
            Assert.Equal(parent == 0 ? 1 : waveOf[parent] + 1, L(r["wave"]));
            if (L(r["lots_left"]) == 0 && L(r["steps"]) > 0)
            {
                // A finished liquidation closed the whole position it found (book, takeover, ADL or auction).
                Assert.Equal(Math.Abs(L(r["position_lots"])), L(r["closed_lots"]));
            }
        }
    }

    [Fact]
    public void Slippage_and_bankruptcy_gap_turn_against_the_trader_for_shorts_too()
    {
        // A short closed by buying 10 lots for 1,050 ticks in all (VWAP 105) with the trigger mark at 100 and the
        // bankruptcy price at 110: 50 ticks·lots worse than the mark, 50 better than bankruptcy.
        var m = new LiquidationMetrics
        {
            CashPerTickLot = 1_000,
            Side = Microstructure.Engine.Side.Buy,
            BookLots = 10,
            BookNotional = 1_050_000,
            TriggerMark = 100,
            BankruptcyPrice = 110,
        };
        Assert.Equal(105, m.Vwap);
        Assert.Equal(50_000, m.Slippage);
        Assert.Equal(500, m.SlippageBp, 12);
        Assert.Equal(50_000, m.BankruptcyGap);
        Assert.Equal(5, m.BankruptcyGapTicks);

        var none = new LiquidationMetrics { CashPerTickLot = 1, TriggerMark = 100, BankruptcyPrice = 90 };
        Assert.Null(none.Slippage);
        Assert.Null(none.BankruptcyGap);
        Assert.True(double.IsNaN(none.Vwap) && double.IsNaN(none.DepthConsumedShare));
    }

    private static long L(string? text) => long.Parse(text!, CultureInfo.InvariantCulture);
}
