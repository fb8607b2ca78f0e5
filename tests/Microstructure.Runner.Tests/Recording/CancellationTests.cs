using System.Text.Json;
using Microstructure.Analysis.Recording;
using Microstructure.Replay.Lobster;
using Microstructure.Replay.Output;
using Microstructure.Runner.Recording;
using Microstructure.Runner.Replay;
using Microstructure.Runner.Sweeps;
using Microstructure.Runner.Tests.TestSupport;
using Microstructure.Simulation.Running;

namespace Microstructure.Runner.Tests.Recording;

/// <summary>
/// A cancelled run (Ctrl+C or SIGTERM in <c>micro</c>) ends with closed, readable tapes and a summary.json marked
/// cancelled — whether it stopped during the run, the replay or the analysis — and never with report.md.
/// </summary>
public sealed class CancellationTests
{
    private static readonly RecorderOptions NoPlots = new() { WritePlots = false };

    [Fact]
    public void A_simulation_cancelled_mid_run_closes_its_tapes_and_says_how_far_it_got()
    {
        using var temp = new TempFolder();
        using var run = new SimulationRun(TestScenarios.Small());
        using var cancellation = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => RecordedSimulation.Execute(
            run, temp.Sub("run"), NoPlots, p => CancelPast(p.Fraction, 0.4, cancellation), cancellation.Token));

        var rows = ClosedTables.AssertReadable(temp.Sub("run", "tape"));
        using var json = JsonDocument.Parse(File.ReadAllText(temp.Sub("run", "summary.json")));
        JsonElement root = json.RootElement;
        Assert.Equal("cancelled", root.GetProperty("status").GetString());
        Assert.Equal("run", root.GetProperty("cancelled_during").GetString());
        long end = root.GetProperty("run").GetProperty("end_ns").GetInt64();
        long planned = root.GetProperty("run").GetProperty("planned_end_ns").GetInt64();
        Assert.Equal(run.Info.EndNs, planned);
        Assert.InRange(end, planned * 4 / 10, planned - 1);
        foreach (JsonProperty table in root.GetProperty("tape").EnumerateObject())
        {
            Assert.Equal(rows[table.Name], table.Value.GetInt64());
        }

        Assert.True(rows["trades"] > 0);
        Assert.Contains("tape/trades.parquet", root.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.False(root.TryGetProperty("headline", out _));
        Assert.False(File.Exists(temp.Sub("run", "report.md")));
        Assert.Empty(Directory.GetFiles(temp.Sub("run", "analysis")));
    }

    [Fact]
    public void A_simulation_cancelled_once_its_run_is_over_stops_the_analysis_and_keeps_the_whole_tapes()
    {
        using var temp = new TempFolder();
        using var whole = new SimulationRun(TestScenarios.Small());
        RecordedSimulation.Execute(whole, temp.Sub("whole"), NoPlots);
        using var run = new SimulationRun(TestScenarios.Small());
        using var cancellation = new CancellationTokenSource();

        // The kernel reports 100% after its last item: the run is over, the analysis has not begun.
        Assert.ThrowsAny<OperationCanceledException>(() => RecordedSimulation.Execute(
            run, temp.Sub("run"), NoPlots, p => CancelPast(p.Fraction, 1.0, cancellation), cancellation.Token));

        Assert.Equal(DirectoryHash.Files(temp.Sub("whole", "tape")), DirectoryHash.Files(temp.Sub("run", "tape")));
        ClosedTables.AssertReadable(temp.Sub("run", "tape"));
        using var json = JsonDocument.Parse(File.ReadAllText(temp.Sub("run", "summary.json")));
        Assert.Equal("cancelled", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("analysis", json.RootElement.GetProperty("cancelled_during").GetString());
        Assert.Equal(run.Info.EndNs, json.RootElement.GetProperty("run").GetProperty("end_ns").GetInt64());
        Assert.False(File.Exists(temp.Sub("run", "report.md")));
    }

    [Fact]
    public void The_summary_of_a_completed_run_has_no_status_key()
    {
        using var temp = new TempFolder();
        using var run = new SimulationRun(TestScenarios.Small());
        using var cancellation = new CancellationTokenSource();

        RecordedSimulation.Execute(run, temp.Sub("run"), NoPlots, cancellationToken: cancellation.Token);

        using var json = JsonDocument.Parse(File.ReadAllText(temp.Sub("run", "summary.json")));
        Assert.False(json.RootElement.TryGetProperty("status", out _));
        Assert.Equal("run", json.RootElement.EnumerateObject().First().Name);
    }

    [Fact]
    public void A_cancelled_comparison_keeps_its_finished_runs_writes_no_report_and_resumes_to_the_rest()
    {
        using var temp = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        File.WriteAllText(temp.Sub("small.json"), TestScenarios.SmallJson);
        var plan = new SweepPlan
        {
            ScenarioPath = temp.Sub("small.json"),
            Designs = ["full-close", "tiered-partial"],
            Seeds = [3],
            Directory = temp.Sub("out"),
            MaxParallelism = 1,
            DurationSeconds = 25,
        };

        // One worker: the first run completes, then the cancellation keeps the second from starting.
        Assert.ThrowsAny<OperationCanceledException>(() => SweepRunner.Run(plan, _ => cancellation.Cancel(), cancellation.Token));

        Assert.Single(Directory.GetDirectories(temp.Sub("out", "runs")));
        Assert.Empty(Directory.GetDirectories(temp.Sub("out", "runs"), "*.partial"));
        Assert.False(File.Exists(temp.Sub("out", "report.md")));
        Assert.False(File.Exists(temp.Sub("out", "runs.csv")));

        var resumed = SweepRunner.Run(plan);

        Assert.Equal(1, resumed.Resumed);
        Assert.True(File.Exists(resumed.ReportPath));
        Assert.Equal(["full-close", "tiered-partial"], resumed.Statistics.Designs);
    }

    [Fact]
    public void A_population_replay_cancelled_mid_way_closes_both_tapes_and_marks_both_summaries()
    {
        using var temp = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        var request = new ReplayRequest { Format = "lobster", Name = "lobster sample", Directory = temp.Sub("out"), HasPopulation = true, Recorder = NoPlots, CancellationToken = cancellation.Token };

        var outcome = ReplayRunner.Run(request, (tape, observer) =>
            LobsterReplay.Run(AaplReplay.Options(population: true) with { Cancellation = cancellation.Token }, new CancellingTape(tape!, 600, cancellation), observer));

        Assert.True(outcome.Cancelled);
        Assert.True(outcome.Report.Cancelled);
        Assert.Null(outcome.Recorded);
        Assert.InRange(outcome.Report.MessagesApplied, 2, 998);
        var rows = ClosedTables.AssertReadable(temp.Sub("out", "tape"));
        Assert.Equal(outcome.TapeRows, rows["replay"]);
        using var json = JsonDocument.Parse(File.ReadAllText(temp.Sub("out", "summary.json")));
        JsonElement replay = json.RootElement.GetProperty("replay");
        Assert.Equal("cancelled", replay.GetProperty("status").GetString());
        Assert.Equal(outcome.Report.StoppedAtNs, replay.GetProperty("stopped_at_ns").GetInt64());
        Assert.Equal(outcome.Report.MessagesApplied, replay.GetProperty("messages").GetProperty("applied").GetInt64());
        Assert.Contains("run/summary.json", json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()));

        ClosedTables.AssertReadable(temp.Sub("out", "run", "tape"));
        using var run = JsonDocument.Parse(File.ReadAllText(temp.Sub("out", "run", "summary.json")));
        Assert.Equal("cancelled", run.RootElement.GetProperty("status").GetString());
        Assert.Equal("run", run.RootElement.GetProperty("cancelled_during").GetString());
        Assert.Equal(JsonValueKind.Null, run.RootElement.GetProperty("run").GetProperty("planned_end_ns").ValueKind);
        Assert.False(File.Exists(temp.Sub("out", "run", "report.md")));
    }

    [Fact]
    public void A_population_replay_cancelled_after_its_last_message_stops_the_recorded_run_s_analysis()
    {
        using var temp = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        var request = new ReplayRequest { Format = "lobster", Name = "lobster sample", Directory = temp.Sub("out"), HasPopulation = true, Recorder = NoPlots, CancellationToken = cancellation.Token };

        var outcome = ReplayRunner.Run(request, (tape, observer) =>
        {
            ReplayReport report = LobsterReplay.Run(AaplReplay.Options(population: true) with { Cancellation = cancellation.Token }, tape, observer);
            cancellation.Cancel();
            return report;
        });

        Assert.True(outcome.Cancelled);
        Assert.False(outcome.Report.Cancelled);
        Assert.Equal(999, outcome.Report.MessagesApplied);
        using var json = JsonDocument.Parse(File.ReadAllText(temp.Sub("out", "summary.json")));
        JsonElement replay = json.RootElement.GetProperty("replay");
        Assert.Equal("cancelled", replay.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, replay.GetProperty("stopped_at_ns").ValueKind);
        using var run = JsonDocument.Parse(File.ReadAllText(temp.Sub("out", "run", "summary.json")));
        Assert.Equal("analysis", run.RootElement.GetProperty("cancelled_during").GetString());
        ClosedTables.AssertReadable(temp.Sub("out", "run", "tape"));
        Assert.False(File.Exists(temp.Sub("out", "run", "report.md")));
    }

    private static void CancelPast(double fraction, double threshold, CancellationTokenSource cancellation)
    {
        if (fraction >= threshold)
        {
            cancellation.Cancel();
        }
    }

    /// <summary>Passes rows on and requests the cancellation at the <paramref name="after"/>-th (mid-message, as a signal would).</summary>
    private sealed class CancellingTape(IReplayTape inner, int after, CancellationTokenSource cancellation) : IReplayTape
    {
        private int _rows;

        public void Write(in TapeRow row)
        {
            inner.Write(in row);
            if (++_rows == after)
            {
                cancellation.Cancel();
            }
        }
    }
}
