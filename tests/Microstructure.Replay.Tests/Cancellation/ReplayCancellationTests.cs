using Microstructure.Replay.Binance;
using Microstructure.Replay.Lobster;
using Microstructure.Replay.Output;
using Microstructure.Replay.Tardis;
using Microstructure.Replay.Tests.TestSupport;

namespace Microstructure.Replay.Tests.Cancellation;

/// <summary>
/// Every source stops between messages once its options' cancellation is requested (what Ctrl+C and SIGTERM do in
/// <c>micro replay</c>): the report says cancelled and where, its counts cover the messages applied until then, and the
/// tape is a prefix of the full replay's.
/// </summary>
public sealed class ReplayCancellationTests
{
    public static TheoryData<string> Sources => ["lobster", "tardis", "binance"];

    [Theory]
    [MemberData(nameof(Sources))]
    public void A_cancelled_replay_stops_between_messages_and_reports_where(string source)
    {
        var full = new TapeLog();
        ReplayReport complete = Run(source, full, CancellationToken.None);
        Assert.False(complete.Cancelled);
        Assert.Null(complete.StoppedAtNs);
        Assert.True(full.Rows.Count > 20, $"{source}: {full.Rows.Count} rows");

        using var cancellation = new CancellationTokenSource();
        var tape = new CancellingTape(full.Rows.Count / 2, cancellation);
        ReplayReport cancelled = Run(source, tape, cancellation.Token);

        Assert.True(cancelled.Cancelled);
        Assert.True(cancelled.MessagesRead < complete.MessagesRead, $"{source}: read {cancelled.MessagesRead} of {complete.MessagesRead}");
        Assert.InRange(tape.Rows.Count, full.Rows.Count / 2, full.Rows.Count - 1);
        Assert.Equal(full.Rows.Take(tape.Rows.Count), tape.Rows);
        // The source time of the last message applied (Tardis merges its files by local time, its rows carry the exchange's).
        Assert.InRange(cancelled.StoppedAtNs!.Value, tape.Rows[0].TimeNs, full.Rows[^1].TimeNs);
        if (source == "lobster")
        {
            Assert.Equal(tape.Rows[^1].TimeNs, cancelled.StoppedAtNs);
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void A_replay_cancelled_before_it_starts_applies_no_more_than_its_first_message(string source)
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        ReplayReport report = Run(source, new TapeLog(), cancellation.Token);

        Assert.True(report.Cancelled);
        Assert.InRange(report.MessagesApplied, 0, 1);
    }

    private static ReplayReport Run(string source, IReplayTape tape, CancellationToken cancellation) => source switch
    {
        "lobster" => LobsterReplay.Run(new LobsterReplayOptions { MessagesPath = TestData.LobsterMessages, BookPath = TestData.LobsterBook, Cancellation = cancellation }, tape),
        "tardis" => TardisReplay.Run(
            new TardisReplayOptions
            {
                BookUpdatesPath = TestData.File("tardis", "BTCUSDT_incremental_book_L2.csv"),
                TradesPath = TestData.File("tardis", "BTCUSDT_trades.csv"),
                TickSize = 0.1m,
                LotSize = 0.001m,
                Cancellation = cancellation,
            },
            tape),
        _ => BinanceReplay.Run(
            new BinanceReplayOptions
            {
                SnapshotsPath = TestData.File("binance", "BTCUSDT_depth_snapshots.jsonl"),
                UpdatesPath = TestData.File("binance", "BTCUSDT_depth_updates.jsonl"),
                TickSize = 0.1m,
                LotSize = 0.001m,
                Cancellation = cancellation,
            },
            tape),
    };

    /// <summary>Keeps the rows and requests the cancellation once it holds <paramref name="after"/> of them (mid-message, as a signal would).</summary>
    private sealed class CancellingTape(int after, CancellationTokenSource cancellation) : IReplayTape
    {
        public List<TapeRow> Rows { get; } = [];

        public void Write(in TapeRow row)
        {
            Rows.Add(row);
            if (Rows.Count == after)
            {
                cancellation.Cancel();
            }
        }
    }
}
