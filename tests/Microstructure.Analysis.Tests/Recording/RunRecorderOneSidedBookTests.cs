using System.Globalization;
using Microstructure.Analysis.Recording;
using Microstructure.Analysis.Tests.Recording.TestSupport;
using Microstructure.Engine;

namespace Microstructure.Analysis.Tests.Recording;

/// <summary>A sell that takes the whole bid side: the analysis prices the one-sided book at its last trade.</summary>
public sealed class RunRecorderOneSidedBookTests : IDisposable
{
    private const long Seller = 1, Provider = 2, Shocker = 3, Buyer = 4;
    private readonly TempDirectory _temp = new();

    public RunRecorderOneSidedBookTests() => Directory.CreateDirectory(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void While_the_bid_side_is_empty_the_mid_is_twice_the_last_trade_so_the_sweep_shows_in_impact_and_drawdown()
    {
        var s = new ExchangeScript(SmallCascade.Options());
        s.At(1);
        foreach (long account in (long[])[Seller, Provider, Shocker, Buyer])
        {
            s.Deposit(account, 1_000_000m);
        }

        s.Limit(Seller, Side.Sell, 10_100, 50);
        s.Limit(Provider, Side.Buy, 10_000, 5);
        s.Limit(Provider, Side.Buy, 9_950, 5); // mid 10,000 + 10,100 = 20,100 half ticks
        s.At(2);
        s.Market(Shocker, Side.Sell, 10); // takes both bids: last trade 9,950, no bid left
        s.At(2.5m);
        s.Market(Buyer, Side.Buy, 5); // lifts the untouched ask while the bids are still empty
        s.At(3);
        s.Limit(Provider, Side.Buy, 10_050, 5); // two-sided again: mid 20,150

        string dir = _temp.Sub("run");
        RunSummary summary;
        using (RunRecorder recorder = RunRecorder.Create(dir, SmallCascade.Info(s) with { Shocks = [] }, SmallCascade.RecorderOptions(plots: false)))
        {
            s.ReplayInto(recorder);
            summary = recorder.Complete();
        }

        var sweep = TableText.CsvRecords(Path.Combine(dir, "analysis", "impact_orders.csv")).Single(r => r["account"] == "3");
        Assert.Equal("20100", sweep["mid_before"]);
        Assert.Equal("19900", sweep["mid_after"]); // 2 × 9,950: before this change the mid was unknown here
        Assert.Equal(Math.Log(20_100.0 / 19_900.0), double.Parse(sweep["immediate_impact"]!, CultureInfo.InvariantCulture), 12);
        Assert.Equal((20_100.0 - 19_900.0) / 20_100.0, summary.MaxDrawdown, 12);

        // While the bids stay empty the price holds at the sweep's last fill: a buy at the far ask does not jump it.
        var lift = TableText.CsvRecords(Path.Combine(dir, "analysis", "impact_orders.csv")).Single(r => r["account"] == "4");
        Assert.Equal("19900", lift["mid_before"]);
        Assert.Equal("19900", lift["mid_after"]);
    }
}
