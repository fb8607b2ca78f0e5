using Microstructure.Replay.Binance;
using Microstructure.Replay.Io;
using Microstructure.Replay.Tests.TestSupport;

namespace Microstructure.Replay.Tests.Binance;

public sealed class BinanceReplayTests
{
    private static string Snapshots => TestData.File("binance", "BTCUSDT_depth_snapshots.jsonl");

    private static string Updates => TestData.File("binance", "BTCUSDT_depth_updates.jsonl");

    private static BinanceReplayOptions Options(string snapshots, string updates, bool validate = true) =>
        new() { SnapshotsPath = snapshots, UpdatesPath = updates, TickSize = 0.1m, LotSize = 0.001m, Validate = validate };

    [Fact]
    public void Stale_events_are_dropped_the_gap_is_resynced_and_the_book_matches_the_later_snapshot()
    {
        var report = BinanceReplay.Run(Options(Snapshots, Updates));

        Assert.Equal(19 + 15, report.StaleEventsDropped); // before the first snapshot, and between the gap and the resync snapshot
        Assert.Equal(1, report.Gaps);
        Assert.Equal(1, report.Resyncs);
        Assert.Equal(1, report.TransitionsChecked);
        Assert.Equal(0, report.TransitionsMismatched);
        Assert.Contains(report.Notes, n => n.Contains("BTCUSDT_depth_updates.jsonl:250: update-id gap", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gap_with_no_later_snapshot_is_an_error_or_drops_the_rest_when_lenient()
    {
        using var dir = new TempDirectory();
        var snapshots = dir.Write("snap.jsonl", string.Join('\n', File.ReadAllLines(Snapshots).Take(2)) + "\n");

        var error = Assert.Throws<ReplayInputException>(() => BinanceReplay.Run(Options(snapshots, Updates)));
        Assert.Equal(InputErrorKind.UpdateIdGap, error.Kind);
        Assert.Equal(250, error.Line);
        Assert.Contains("no later snapshot", error.Message, StringComparison.Ordinal);

        var report = BinanceReplay.Run(Options(snapshots, Updates) with { Lenient = true });
        Assert.Equal(320 - 249, report.EventsDroppedUnsynced);
        Assert.Equal(1, report.Skipped.ByKind["update-id-gap"]);
    }

    [Fact]
    public void A_crossed_snapshot_is_rejected_with_its_line()
    {
        using var dir = new TempDirectory();
        var snapshots = dir.Write("snap.jsonl", "{\"lastUpdateId\":5,\"bids\":[[\"100.0\",\"1\"]],\"asks\":[[\"99.9\",\"1\"]]}\n");

        var error = Assert.Throws<ReplayInputException>(() => BinanceReplay.Run(Options(snapshots, Updates)));

        Assert.Equal(InputErrorKind.CrossedBook, error.Kind);
        Assert.StartsWith($"{snapshots}:1: crossed snapshot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_event_names_the_missing_field()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Updates);
        lines[30] = lines[30].Replace("\"pu\":", "\"px\":", StringComparison.Ordinal);
        var updates = dir.Write("updates.jsonl", string.Join('\n', lines) + "\n");

        var error = Assert.Throws<ReplayInputException>(() => BinanceReplay.Run(Options(Snapshots, updates)));

        Assert.Equal($"{updates}:31: field 'pu' is missing from the depthUpdate event", error.Message);
    }
}
