using Microstructure.Engine;
using Microstructure.Replay.Injection;
using Microstructure.Replay.Io;
using Microstructure.Replay.Output;
using Microstructure.Replay.Population;
using Microstructure.Replay.Tardis;
using Microstructure.Replay.Tests.TestSupport;

namespace Microstructure.Replay.Tests.Tardis;

public sealed class TardisReplayTests
{
    private static TardisReplayOptions Options(string updates, string? snapshots = null) => new()
    {
        BookUpdatesPath = updates,
        SnapshotsPath = snapshots,
        TradesPath = TestData.File("tardis", "BTCUSDT_trades.csv"),
        LiquidationsPath = TestData.File("tardis", "BTCUSDT_liquidations.csv"),
        TickerPath = TestData.File("tardis", "BTCUSDT_derivative_ticker.csv"),
        TickSize = 0.1m,
        LotSize = 0.001m,
        Validate = snapshots is not null,
    };

    private static string Updates => TestData.File("tardis", "BTCUSDT_incremental_book_L2.csv");

    private static string Snapshots => TestData.File("tardis", "BTCUSDT_book_snapshot_25.csv");

    [Theory]
    [InlineData("BTCUSDT_incremental_book_L2.csv")]
    [InlineData("BTCUSDT_incremental_book_L2.csv.gz")]
    public void Book_rebuilt_from_incremental_updates_matches_every_snapshot_row(string file)
    {
        var report = TardisReplay.Run(Options(TestData.File("tardis", file), Snapshots));

        Assert.Null(report.FirstMismatch);
        Assert.Equal(41, report.TransitionsChecked);
        Assert.Equal(0, report.TransitionsMismatched);
        Assert.Equal(2, report.SnapshotResets);
        Assert.Equal(57, report.HistoricalTrades);
        Assert.Equal(4, report.Liquidations);
        Assert.Equal(15, report.TickerUpdates);
    }

    [Fact]
    public void A_snapshot_row_that_differs_is_reported_with_its_line_side_and_level()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Snapshots);
        var fields = lines[5].Split(',');
        fields[9] = "9.999"; // asks[1].amount
        lines[5] = string.Join(',', fields);
        var snapshots = dir.Write("snap.csv", string.Join('\n', lines) + "\n");

        var report = TardisReplay.Run(Options(Updates, snapshots));

        Assert.Equal(1, report.TransitionsMismatched);
        Assert.Contains("snap.csv:6: ask level 2: expected", report.FirstMismatch);
        Assert.Contains("x 9999 lots", report.FirstMismatch);
    }

    [Fact]
    public void A_crossed_update_is_an_error_naming_the_line_or_is_skipped_when_lenient()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Updates).ToList();
        lines.Insert(70, lines[69].Split(',')[..4].Aggregate((a, b) => a + "," + b) + ",false,bid,99999.9,1");
        var updates = dir.Write("crossed.csv", string.Join('\n', lines) + "\n");

        var error = Assert.Throws<ReplayInputException>(() => TardisReplay.Run(Options(updates)));
        Assert.Equal(InputErrorKind.CrossedBook, error.Kind);
        Assert.Equal(71, error.Line);

        var report = TardisReplay.Run(Options(updates) with { Lenient = true });
        Assert.Equal(1, report.Skipped.ByKind["crossed-book"]);
    }

    [Fact]
    public void A_sell_shock_leaves_the_bid_side_thinner_than_history_until_the_end()
    {
        var shock = new InjectedOrder(1_704_067_221_000_000_000, InjectedOrderKind.Liquidation, Side.Sell, 20_000, 0, "shock", 2);

        var report = TardisReplay.Run(Options(Updates) with { Injections = [shock] });

        var impact = report.Impact!;
        Assert.Equal(20_000, report.SimulatedFilledLots);
        Assert.True(impact.ImmediateMidMove < 0);
        // Level updates after the shock apply as deltas: a decrease larger than what is left is absorbed; the rest of
        // the consumed liquidity is still missing at the end.
        var outstanding = report.Reconciliation.DepletedLots - report.Reconciliation.AbsorbedLevelLots;
        Assert.True(report.Reconciliation.AbsorbedLevelUpdates > 0);
        Assert.True(outstanding > 0);
        Assert.Equal(impact.FinalHistoricalBidDepth - outstanding, impact.FinalBidDepth);
        Assert.Equal(impact.FinalHistoricalAskDepth, impact.FinalAskDepth);
    }

    private static ReplayReport WithPopulation((string Updates, string Ticker, string Trades) files, PopulationSpec population, params InjectedOrder[] injections) =>
        TardisReplay.Run(new TardisReplayOptions
        {
            BookUpdatesPath = files.Updates, TickerPath = files.Ticker, TradesPath = files.Trades, TickSize = 0.1m, LotSize = 0.001m,
            Injections = injections, Population = population,
        });

    [Fact]
    public void A_price_shock_liquidates_a_leveraged_population_against_the_tardis_book_and_more_of_it_on_a_thinner_book()
    {
        using var dir = new TempDirectory();
        var real = TardisFiles.Write(dir, 1m);
        var thin = TardisFiles.Write(dir, 0.5m, "THIN");

        var onReal = WithPopulation(real, Populations.Btc(), Populations.BtcShock());
        var onThin = WithPopulation(thin, Populations.Btc(), Populations.BtcShock());

        var p = onReal.Population!;
        Assert.Equal(40, p.Opened);
        Assert.True(p.Liquidations > 0);
        Assert.True(p.RiskOrderLotsFromHistory > 0);
        Assert.True(onThin.Population!.LiquidatedNotional > p.LiquidatedNotional, $"thin {onThin.Population.LiquidatedNotional}, real {p.LiquidatedNotional}");
        Assert.True(p.MoneyConserved && onThin.Population.MoneyConserved);

        // Level updates after the liquidations apply as deltas: what the liquidation orders took stays taken.
        Assert.True(onReal.Reconciliation.DepletedLots >= p.OpenedLongLots + p.RiskOrderLotsFromHistory);
        Assert.True(onReal.Impact!.FinalBidDepth < onReal.Impact.FinalHistoricalBidDepth);
    }

    [Theory]
    [InlineData(MarkSource.TickerMark)]
    [InlineData(MarkSource.MedianOfThree)]
    public void A_mark_from_the_venue_s_ticker_is_not_moved_by_the_shock_so_nobody_is_liquidated(MarkSource mark)
    {
        using var dir = new TempDirectory();
        var real = TardisFiles.Write(dir, 1m);

        var report = WithPopulation(real, Populations.Btc(mark), Populations.BtcShock());

        Assert.Equal(40, report.Population!.Opened);
        Assert.Equal(0, report.Population.Liquidations);
        Assert.True(report.Impact!.ImmediateMidMove < -1_000);
    }
}
