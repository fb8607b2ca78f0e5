using System.Globalization;
using System.Text.Json;
using Microstructure.Analysis.Recording;
using Microstructure.Replay.Io;
using Microstructure.Replay.Lobster;
using Microstructure.Replay.Output;
using Microstructure.Runner.Replay;
using Microstructure.Runner.Tests.TestSupport;
using Parquet;
using Parquet.Schema;

namespace Microstructure.Runner.Tests.Replay;

public sealed class ReplayRunnerTests
{
    private const string Header = "time_ns,seq,event,side,price,quantity,order_id,counterparty_id,bid_price,bid_size,ask_price,ask_size,detail";

    private static ReplayOutcome Run(string? directory, bool population) =>
        ReplayRunner.Run(
            new ReplayRequest { Format = "lobster", Name = "lobster sample", Directory = directory, HasPopulation = population, Recorder = new RecorderOptions { WritePlots = false } },
            (tape, observer) => LobsterReplay.Run(AaplReplay.Options(population), tape, observer));

    [Fact]
    public void A_plain_replay_without_a_directory_gets_no_tape_and_no_observer()
    {
        IReplayTape? seenTape = new NoTape();
        object? seenObserver = new();

        var outcome = ReplayRunner.Run(new ReplayRequest { Format = "lobster", Name = "x" }, (tape, observer) =>
        {
            (seenTape, seenObserver) = (tape, observer);
            return LobsterReplay.Run(AaplReplay.Options(population: false), tape, observer);
        });

        Assert.Null(seenTape);
        Assert.Null(seenObserver);
        Assert.Equal(999, outcome.Report.MessagesApplied);
        Assert.Equal(0, outcome.TapeRows);
        Assert.Null(outcome.Directory);
    }

    [Fact]
    public async Task A_population_replay_writes_the_tape_as_csv_and_parquet_with_the_same_rows_and_records_run()
    {
        using var temp = new TempFolder();

        var outcome = Run(temp.Sub("out"), population: true);

        var csv = File.ReadAllLines(temp.Sub("out", "tape", "replay.csv"));
        Assert.Equal(Header, csv[0]);
        Assert.Equal(outcome.TapeRows, csv.Length - 1);
        Assert.Equal(csv[1..], await ReadParquetAsync(temp.Sub("out", "tape", "replay.parquet")));
        Assert.Contains(csv, l => l.Contains(",liq-start,", StringComparison.Ordinal));
        Assert.NotNull(outcome.Recorded);
        Assert.Equal(outcome.Report.Population!.Liquidations, outcome.Recorded.Liquidations);
        Assert.True(File.Exists(temp.Sub("out", "run", "summary.json")));
    }

    [Fact]
    public void The_summary_has_the_recorded_run_s_shape_and_agrees_with_the_recorded_run_on_what_both_hold()
    {
        using var temp = new TempFolder();

        var outcome = Run(temp.Sub("out"), population: true);

        using var replay = JsonDocument.Parse(File.ReadAllText(temp.Sub("out", "summary.json")));
        using var recorded = JsonDocument.Parse(File.ReadAllText(temp.Sub("out", "run", "summary.json")));
        var r = replay.RootElement;
        Assert.Equal(["run", "units", "tape", "replay", "files"], r.EnumerateObject().Select(p => p.Name));
        foreach (var (section, key) in new[] { ("run", "scenario"), ("run", "design"), ("run", "seed"), ("run", "symbol"), ("units", "tick_size"), ("units", "lot_size"), ("units", "cash_scale"), ("units", "price"), ("units", "quantity"), ("units", "money"), ("units", "time") })
        {
            Assert.Equal(recorded.RootElement.GetProperty(section).GetProperty(key).ToString(), r.GetProperty(section).GetProperty(key).ToString());
        }

        Assert.Equal(outcome.TapeRows, r.GetProperty("tape").GetProperty("rows").GetInt64());
        var section_ = r.GetProperty("replay");
        Assert.Equal("ok", section_.GetProperty("status").GetString());
        Assert.Equal(999, section_.GetProperty("messages").GetProperty("applied").GetInt64());
        Assert.Equal(outcome.Report.Reconciliation.DepletedLots, section_.GetProperty("injection").GetProperty("reconciliation").GetProperty("depleted_lots").GetInt64());
        var population = section_.GetProperty("population");
        Assert.Equal(outcome.Report.Population!.Liquidations, population.GetProperty("liquidations").GetInt64());
        var money = population.GetProperty("money");
        Assert.Equal(money.GetProperty("bad_debt").GetInt64() / 1e8, money.GetProperty("bad_debt_quote").GetDouble(), 8);
        Assert.Equal(["summary.json", "tape/replay.csv", "tape/replay.parquet", "run/summary.json", "run/report.md"], r.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void A_population_replay_records_the_risk_monitor_as_simulate_does_and_the_same_replay_writes_the_same_bytes()
    {
        using var temp = new TempFolder();

        Run(temp.Sub("a"), population: true);
        Run(temp.Sub("b"), population: true);

        string[] monitor = File.ReadAllLines(temp.Sub("a", "run", "tape", "risk_monitor.csv"));
        Assert.StartsWith("time_ns,seq,mark,open_interest_lots,", monitor[0], StringComparison.Ordinal);
        Assert.True(monitor.Length > 2, "a snapshot a second of replayed time");
        Assert.True(File.ReadAllLines(temp.Sub("a", "run", "tape", "liquidation_map.csv")).Length > 1, "the population's thresholds are on the map");
        foreach (string file in new[] { "run/tape/risk_monitor.csv", "run/tape/risk_monitor.parquet", "run/tape/liquidation_map.parquet" })
        {
            Assert.Equal(File.ReadAllBytes(temp.Sub("a", file)), File.ReadAllBytes(temp.Sub("b", file)));
        }
    }

    [Fact]
    public void The_same_replay_writes_the_same_bytes()
    {
        using var temp = new TempFolder();

        Run(temp.Sub("a"), population: true);
        Run(temp.Sub("b"), population: true);

        foreach (string file in new[] { "summary.json", "tape/replay.csv", "tape/replay.parquet" })
        {
            Assert.Equal(File.ReadAllBytes(temp.Sub("a", file)), File.ReadAllBytes(temp.Sub("b", file)));
        }
    }

    [Fact]
    public void A_plain_replay_s_summary_has_no_population_and_a_null_design()
    {
        using var temp = new TempFolder();

        Run(temp.Sub("out"), population: false);

        using var json = JsonDocument.Parse(File.ReadAllText(temp.Sub("out", "summary.json")));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("run").GetProperty("design").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("replay").GetProperty("population").ValueKind);
        Assert.False(Directory.Exists(temp.Sub("out", "run")));
    }

    [Fact]
    public void A_non_empty_directory_is_refused_before_the_replay_and_left_alone()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Sub("keep.txt"), "mine");
        var ran = false;

        Assert.Throws<RunOutputException>(() => ReplayRunner.Run(new ReplayRequest { Format = "lobster", Name = "x", Directory = temp.Path }, (_, _) =>
        {
            ran = true;
            return null!;
        }));

        Assert.False(ran);
        Assert.Single(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Links_planted_at_the_output_files_during_a_replay_are_neither_followed_nor_replaced()
    {
        // Issue 12 §5: the directory is checked before the replay, but what appears in it later (a link at
        // summary.json or at the tape's final name) must not be written through: the run fails with the path named.
        using var temp = new TempFolder();
        string target = temp.Sub("elsewhere.txt");
        File.WriteAllText(target, "someone else's file");
        string root = temp.Sub("out");

        var error = Assert.Throws<RunOutputException>(() => ReplayRunner.Run(
            new ReplayRequest { Format = "lobster", Name = "x", Directory = root },
            (tape, observer) =>
            {
                var report = LobsterReplay.Run(AaplReplay.Options(population: false), tape, observer);
                File.CreateSymbolicLink(Path.Combine(root, "tape", "replay.csv"), target);
                File.CreateSymbolicLink(Path.Combine(root, "summary.json"), target);
                return report;
            }));

        Assert.Contains(Path.Combine(root, "tape"), error.Message, StringComparison.Ordinal);
        Assert.Equal("someone else's file", File.ReadAllText(target));
        Assert.Equal(target, new FileInfo(Path.Combine(root, "summary.json")).LinkTarget);
        Assert.False(File.Exists(Path.Combine(root, "tape", "replay.csv.partial")));
    }

    [Fact]
    public void A_replay_that_faults_leaves_no_tape_under_its_final_name()
    {
        using var temp = new TempFolder();
        string root = temp.Sub("out");

        Assert.Throws<InvalidOperationException>(() => ReplayRunner.Run(
            new ReplayRequest { Format = "lobster", Name = "x", Directory = root },
            (tape, observer) =>
            {
                LobsterReplay.Run(AaplReplay.Options(population: false), tape, observer);
                throw new InvalidOperationException("a bug after the rows were written");
            }));

        Assert.False(File.Exists(Path.Combine(root, "tape", "replay.csv")));
        Assert.False(File.Exists(Path.Combine(root, "tape", "replay.parquet")));
        Assert.False(File.Exists(Path.Combine(root, "summary.json")));
    }

    [Fact]
    public void Bad_input_keeps_the_tape_written_so_far_and_the_summary_says_the_run_failed()
    {
        using var temp = new TempFolder();
        var lines = File.ReadAllLines(AaplReplay.Messages);
        lines[500] = "34230.0,1,123,abc,5850000,1";
        string messages = temp.Sub("bad_message_10.csv");
        File.WriteAllLines(messages, lines);

        var error = Assert.Throws<ReplayInputException>(() => ReplayRunner.Run(
            new ReplayRequest { Format = "lobster", Name = "bad", Directory = temp.Sub("out") },
            (tape, observer) => LobsterReplay.Run(new LobsterReplayOptions { MessagesPath = messages, BookPath = AaplReplay.Book }, tape, observer)));

        Assert.True(File.ReadAllLines(temp.Sub("out", "tape", "replay.csv")).Length > 100, "the rows before the error are kept");
        using var json = JsonDocument.Parse(File.ReadAllText(temp.Sub("out", "summary.json")));
        var replay = json.RootElement.GetProperty("replay");
        Assert.Equal("failed", replay.GetProperty("status").GetString());
        Assert.Equal(error.Message, replay.GetProperty("error").GetString());
        Assert.Equal("bad", json.RootElement.GetProperty("run").GetProperty("scenario").GetString());
    }

    [Fact]
    public async Task A_detail_with_commas_or_quotes_is_quoted_in_the_csv_and_kept_whole_in_parquet()
    {
        using var temp = new TempFolder();
        using (var tape = ReplayTapeFile.Create(temp.Path, "t", new RecorderOptions()))
        {
            tape.Write(new TapeRow { Sequence = 1, Event = TapeEvent.Injected, Side = Side.Sell, Quantity = 5, Detail = "market:a,b" });
            tape.Write(new TapeRow { Sequence = 2, Event = TapeEvent.Halt, Detail = "say \"halt\"" });
            tape.Write(new TapeRow { Sequence = 3, Event = TapeEvent.L1 });
        }

        var csv = File.ReadAllLines(temp.Sub("t.csv"));
        Assert.EndsWith(",\"market:a,b\"", csv[1], StringComparison.Ordinal);
        Assert.EndsWith(",\"say \"\"halt\"\"\"", csv[2], StringComparison.Ordinal);
        Assert.EndsWith(",l1,,0,0,0,0,0,0,0,0,", csv[3], StringComparison.Ordinal);
        var parquet = await ReadColumnAsync(temp.Sub("t.parquet"), "detail");
        Assert.Equal(["market:a,b", "say \"halt\"", null], parquet);
    }

    /// <summary>Reads the tape's Parquet file back (Parquet.Net, independent of the writer) as CSV lines (details without commas).</summary>
    private static async Task<List<string>> ReadParquetAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        DataField[] f = reader.Schema.DataFields;
        Assert.Equal(Header, string.Join(',', f.Select(x => x.Name)));
        var lines = new List<string>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var columns = new object[f.Length];
            for (var c = 0; c < f.Length; c++)
            {
                if (f[c].ClrType != typeof(long))
                {
                    var texts = new string?[n];
                    await group.ReadAsync(f[c], texts);
                    columns[c] = texts;
                }
                else
                {
                    var numbers = new long[n];
                    await group.ReadAsync<long>(f[c], numbers);
                    columns[c] = numbers;
                }
            }

            for (var i = 0; i < n; i++)
            {
                lines.Add(string.Join(',', columns.Select(c => c is long[] l ? l[i].ToString(CultureInfo.InvariantCulture) : ((string?[])c)[i] ?? string.Empty)));
            }
        }

        return lines;
    }

    private static async Task<List<string?>> ReadColumnAsync(string path, string name)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var field = reader.Schema.DataFields.Single(f => f.Name == name);
        var values = new List<string?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var texts = new string?[(int)group.RowCount];
            await group.ReadAsync(field, texts);
            values.AddRange(texts);
        }

        return values;
    }

    private sealed class NoTape : IReplayTape
    {
        public void Write(in TapeRow row)
        {
        }
    }
}
