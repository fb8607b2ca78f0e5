using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microstructure.Cli.Output;
using Microstructure.Cli.Tests.TestSupport;
using Microstructure.Runner.Tests.TestSupport;

namespace Microstructure.Cli.Tests.Signals;

/// <summary>
/// SIGINT and SIGTERM, sent to a real <c>micro</c> process mid-run (and a second one 50 ms after the first), end
/// simulate, compare (its runs left as KEY.partial for a resume) and replay with closed, readable tapes (whole CSV rows, Parquet footers), a summary.json marked
/// cancelled and exit code 130 (SIGINT) or 143 (SIGTERM). Before, SIGTERM and a second Ctrl+C killed the process:
/// 0-byte tapes and Parquet without a footer; replay had no handler at all. Each wait is bounded, and the signal is
/// sent only once the run has written to its tapes (or, for a replay, read past its first messages from a pipe the
/// test feeds, so it is still running whatever the machine's load).
/// </summary>
public sealed class TerminationSignalTests
{
    /// <summary>The small scenario stretched to ten simulated hours: it runs until a signal stops it.</summary>
    private static readonly string LongScenario = CliRun.SmallScenario.Replace("\"durationSeconds\": 40", "\"durationSeconds\": 36000", StringComparison.Ordinal);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public void Simulate_stopped_by_SIGTERM_closes_every_tape_marks_summary_json_cancelled_and_exits_143()
    {
        if (!MicroProcess.Supported)
        {
            return;
        }

        using var cli = new CliRun();
        string scenario = cli.WriteScenario(LongScenario);
        using var micro = MicroProcess.Start(cli.Folder, "simulate", scenario, "--out", cli.Path_("run"));
        micro.WaitUntil(() => HasBytes(cli.Path_("run", "tape", "trades.csv")), StartTimeout, "the first row group of tape/trades.csv");

        micro.Signal(MicroProcess.SigTerm);

        Assert.Equal(143, micro.WaitForExit(ExitTimeout));
        AssertCancelledRun(cli.Path_("run"));
        Assert.Contains("cancelled:", micro.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", micro.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_stopped_by_two_interrupts_50_ms_apart_still_closes_every_tape_and_exits_130()
    {
        if (!MicroProcess.Supported)
        {
            return;
        }

        using var cli = new CliRun();
        string scenario = cli.WriteScenario(LongScenario);
        using var micro = MicroProcess.Start(cli.Folder, "simulate", scenario, "--out", cli.Path_("run"));
        micro.WaitUntil(() => HasBytes(cli.Path_("run", "tape", "trades.csv")), StartTimeout, "the first row group of tape/trades.csv");
        var (signal, code) = Interrupt(micro);

        micro.Signal(signal);
        Thread.Sleep(50);
        micro.Signal(signal, mayHaveExited: true);

        Assert.Equal(code, micro.WaitForExit(ExitTimeout));
        AssertCancelledRun(cli.Path_("run"));
    }

    [Fact]
    public void Compare_stopped_by_SIGTERM_closes_the_tapes_of_every_run_leaves_them_partial_and_writes_no_report()
    {
        if (!MicroProcess.Supported)
        {
            return;
        }

        using var cli = new CliRun();
        string scenario = cli.WriteScenario(LongScenario);
        using var micro = MicroProcess.Start(cli.Folder, "compare", scenario, "--designs", "full-close,tiered-partial", "--seeds", "1", "--parallel", "2", "--keep", "all", "--out", cli.Path_("out"));
        string runsRoot = cli.Path_("out", "runs");
        string[] Partial() => Directory.Exists(runsRoot) ? Directory.GetDirectories(runsRoot, "*.partial") : [];
        micro.WaitUntil(() => Partial().Any(r => HasBytes(Path.Combine(r, "tape", "trades.csv"))), StartTimeout, "the first row group of a run's tape/trades.csv");

        micro.Signal(MicroProcess.SigTerm);

        Assert.Equal(143, micro.WaitForExit(ExitTimeout));
        string[] started = Partial();
        Assert.NotEmpty(started);
        Assert.Equal(started.Length, Directory.GetDirectories(runsRoot).Length); // none finished
        foreach (string run in started)
        {
            AssertCancelledRun(run);
        }

        Assert.False(File.Exists(cli.Path_("out", "report.md")));
        Assert.False(File.Exists(cli.Path_("out", "runs.csv")));
        Assert.Contains("to resume", micro.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lobster_replay_stopped_by_SIGTERM_ends_its_tape_on_a_whole_row_with_a_parquet_footer_and_a_cancelled_summary()
    {
        if (!MicroProcess.Supported)
        {
            return;
        }

        using var cli = new CliRun();
        using var feed = new LobsterFeed(cli);
        using var micro = MicroProcess.Start(cli.Folder, "replay", "lobster", "--messages", feed.Messages, "--book", feed.Book, "--out", cli.Path_("out"));
        feed.Start();
        micro.WaitUntil(() => feed.Consumed, StartTimeout, $"the replay reading its first {LobsterFeed.FirstChunk} messages");

        micro.Signal(MicroProcess.SigTerm);

        Assert.Equal(143, micro.WaitForExit(ExitTimeout));
        AssertCancelledReplay(cli.Path_("out"));
        Assert.Contains("cancelled:", micro.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_population_replay_stopped_by_two_interrupts_50_ms_apart_closes_its_tape_and_the_recorded_run()
    {
        if (!MicroProcess.Supported)
        {
            return;
        }

        using var cli = new CliRun();
        using var feed = new LobsterFeed(cli);
        string population = cli.WriteScenario(LobsterFeed.Population, "population.json");
        using var micro = MicroProcess.Start(cli.Folder, "replay", "lobster", "--messages", feed.Messages, "--book", feed.Book, "--population", population, "--out", cli.Path_("out"));
        feed.Start();
        micro.WaitUntil(() => feed.Consumed, StartTimeout, $"the replay reading its first {LobsterFeed.FirstChunk} messages");
        var (signal, code) = Interrupt(micro);

        micro.Signal(signal);
        Thread.Sleep(50);
        micro.Signal(signal, mayHaveExited: true);

        Assert.Equal(code, micro.WaitForExit(ExitTimeout));
        using JsonDocument summary = AssertCancelledReplay(cli.Path_("out"));
        Assert.Equal(4, summary.RootElement.GetProperty("replay").GetProperty("population").GetProperty("opened").GetInt64());
        AssertCancelledRun(cli.Path_("out", "run"));
    }

    [Theory]
    [InlineData("tardis")]
    [InlineData("binance")]
    [InlineData("lobster")]
    public void Every_replay_source_takes_the_signal_s_cancellation_in_process(string source)
    {
        using var cli = new CliRun();
        using var signals = TerminationSignals.None();
        Assert.True(signals.Request(PosixSignal.SIGTERM));
        Assert.False(signals.Request(PosixSignal.SIGINT));
        string[] args = source switch
        {
            "tardis" => ["replay", "tardis", "--book-updates", Data("tardis", "BTCUSDT_incremental_book_L2.csv"), "--tick-size", "0.1", "--lot-size", "0.001"],
            "binance" => ["replay", "binance", "--snapshots", Data("binance", "BTCUSDT_depth_snapshots.jsonl"), "--updates", Data("binance", "BTCUSDT_depth_updates.jsonl"), "--tick-size", "0.1", "--lot-size", "0.001"],
            _ => ["replay", "lobster", "--messages", Data("lobster", "AAPL_2012-06-21_34200000_57600000_message_10.csv"), "--book", Data("lobster", "AAPL_2012-06-21_34200000_57600000_orderbook_10.csv")],
        };
        var output = new StringWriter();
        var error = new StringWriter();

        int code = CliApp.Run([.. args, "--out", cli.Path_("out")], output, error, signals);

        Assert.Equal(143, code);
        AssertCancelledReplay(cli.Path_("out")).Dispose();
        Assert.Contains("cancelled:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_takes_the_signal_s_cancellation_in_process_and_exits_130_for_SIGINT()
    {
        using var cli = new CliRun();
        using var signals = TerminationSignals.None();
        signals.Request(PosixSignal.SIGINT);
        var error = new StringWriter();

        int code = CliApp.Run(["simulate", cli.WriteScenario(CliRun.SmallScenario), "--out", cli.Path_("run")], new StringWriter(), error, signals);

        Assert.Equal(130, code);
        AssertCancelledRun(cli.Path_("run"));
    }

    /// <summary>SIGINT, or SIGTERM where the process inherited an ignored SIGINT (a background job of a non-interactive shell); with the exit code each gives.</summary>
    private static (int Signal, int Code) Interrupt(MicroProcess micro) =>
        micro.IgnoresSigInt ? (MicroProcess.SigTerm, 143) : (MicroProcess.SigInt, 130);

    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    /// <summary>
    /// True once the tape has data: while a run writes, a tape lives under its temporary name (NAME.partial) and gets
    /// its final name when it is closed (issue 12 §5), so either counts.
    /// </summary>
    private static bool HasBytes(string path) =>
        new[] { path + ".partial", path }.Any(p => File.Exists(p) && new FileInfo(p).Length > 0);

    /// <summary>A run directory stopped during its run: whole tapes whose rows summary.json counts, "status": "cancelled", no report.</summary>
    private static void AssertCancelledRun(string directory)
    {
        Dictionary<string, long> rows = ClosedTables.AssertReadable(Path.Combine(directory, "tape"));
        Assert.Equal(18, Directory.GetFiles(Path.Combine(directory, "tape")).Length); // 9 tables (7 + risk_monitor, liquidation_map) × csv, parquet
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "summary.json")));
        JsonElement root = json.RootElement;
        Assert.Equal("cancelled", root.GetProperty("status").GetString());
        Assert.Equal("run", root.GetProperty("cancelled_during").GetString());
        JsonElement run = root.GetProperty("run");
        if (run.GetProperty("planned_end_ns").ValueKind == JsonValueKind.Number)
        {
            Assert.True(run.GetProperty("end_ns").GetInt64() < run.GetProperty("planned_end_ns").GetInt64());
        }

        foreach (JsonProperty table in root.GetProperty("tape").EnumerateObject())
        {
            Assert.Equal(rows[table.Name], table.Value.GetInt64());
        }

        Assert.False(File.Exists(Path.Combine(directory, "report.md")));
    }

    /// <summary>A replay directory stopped mid-way: a whole tape as summary.json counts it, <c>replay.status</c> "cancelled" with where it stopped.</summary>
    private static JsonDocument AssertCancelledReplay(string directory)
    {
        Dictionary<string, long> rows = ClosedTables.AssertReadable(Path.Combine(directory, "tape"));
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "summary.json")));
        Assert.Equal(rows["replay"], json.RootElement.GetProperty("tape").GetProperty("rows").GetInt64());
        JsonElement replay = json.RootElement.GetProperty("replay");
        Assert.Equal("cancelled", replay.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Number, replay.GetProperty("stopped_at_ns").ValueKind);
        return json;
    }

    /// <summary>
    /// A synthetic LOBSTER pair for a replay that cannot finish before the signal: the orderbook file on disk, the
    /// messages through a named pipe this feed writes — the first <see cref="FirstChunk"/> at once, then 1,000 every
    /// 20 ms, up to <see cref="Count"/> (orders added to and deleted from the best bid, one per millisecond).
    /// </summary>
    private sealed class LobsterFeed : IDisposable
    {
        public const int FirstChunk = 5_000;
        public const int Count = 200_000;

        /// <summary>Four accounts opened half a second in, sized for the feed's book.</summary>
        public const string Population = """
            {
              "accounts": 4, "seed": 7, "longFraction": 0.5,
              "leverage": { "min": 10, "max": 20 }, "size": { "min": 1, "max": 2 },
              "entry": { "time": "34200.5" }, "marginMode": "cross", "mark": "mid",
              "liquidation": { "design": "full-close" }, "takerFeeRate": 0, "makerFeeRate": 0,
              "brackets": [ { "notionalCap": 1000000000, "maxLeverage": 100, "maintenanceRate": 0.005 } ]
            }
            """;

        private readonly CancellationTokenSource _stop = new();
        private Task? _writer;
        private volatile bool _consumed;

        public LobsterFeed(CliRun cli)
        {
            Messages = cli.Path_("feed_message_1.csv");
            Book = cli.Path_("feed_orderbook_1.csv");
            var book = new StringBuilder(Count * 26);
            book.Append("5853400,500,5853300,500\n");
            for (int k = 1; k < Count; k++)
            {
                book.Append(CultureInfo.InvariantCulture, $"5853400,500,5853300,{(k % 2 == 1 ? 600 : 500)}\n");
            }

            File.WriteAllText(Book, book.ToString());
            MicroProcess.MakeFifo(Messages);
        }

        public string Messages { get; }

        public string Book { get; }

        /// <summary>Whether the replay has taken the first chunk from the pipe (a write returns once the reader made room).</summary>
        public bool Consumed => _consumed;

        public void Start() => _writer = Task.Run(Write);

        public void Dispose()
        {
            _stop.Cancel();
            if (_writer is not null && !_writer.Wait(TimeSpan.FromSeconds(5)))
            {
                // Still blocked opening the pipe (micro never opened it): open the other end so that it returns.
                using (new FileStream(Messages, FileMode.Open, FileAccess.Read))
                {
                }

                _writer.Wait(TimeSpan.FromSeconds(30));
            }

            _stop.Dispose();
        }

        private static string Message(int k) => k == 0
            ? "34200.000000000,1,1,500,5853400,-1"
            : string.Create(CultureInfo.InvariantCulture, $"{34200m + (k * 0.001m):0.000000000},{(k % 2 == 1 ? 1 : 3)},{(k % 2 == 1 ? 100 + k : 99 + k)},100,5853300,1");

        private void Write()
        {
            try
            {
                using var pipe = new FileStream(Messages, FileMode.Open, FileAccess.Write, FileShare.Read, 1);
                using var writer = new StreamWriter(pipe, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
                for (int k = 0; k < Count && !_stop.IsCancellationRequested; k++)
                {
                    writer.WriteLine(Message(k));
                    if ((k + 1) % 1_000 != 0)
                    {
                        continue;
                    }

                    writer.Flush();
                    if (k + 1 == FirstChunk)
                    {
                        _consumed = true;
                    }
                    else if (k + 1 > FirstChunk)
                    {
                        Thread.Sleep(20);
                    }
                }
            }
            catch (IOException)
            {
                // micro stopped reading (it exited): the pipe is broken, which is the point.
            }
        }
    }
}
