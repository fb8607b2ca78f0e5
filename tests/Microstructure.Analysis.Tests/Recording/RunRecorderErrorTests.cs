using Microstructure.Analysis.Recording;
using Microstructure.Analysis.Tests.Recording.TestSupport;
using Microstructure.Risk;

namespace Microstructure.Analysis.Tests.Recording;

public sealed class RunRecorderErrorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public RunRecorderErrorTests() => Directory.CreateDirectory(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_directory_that_holds_files_is_refused_by_name_and_left_untouched()
    {
        string dir = _temp.Sub("used");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "mine");
        ExchangeScript s = SmallCascade.Run();

        var ex = Assert.Throws<RunOutputException>(() => RunRecorder.Create(dir, SmallCascade.Info(s)));
        Assert.Equal(dir, ex.Path);
        Assert.Contains($"'{dir}' already exists and is not empty", ex.Message);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void An_empty_existing_directory_is_used()
    {
        string dir = _temp.Sub("empty");
        Directory.CreateDirectory(dir);
        ExchangeScript s = SmallCascade.Run();
        using RunRecorder recorder = RunRecorder.Create(dir, SmallCascade.Info(s), SmallCascade.RecorderOptions(plots: false));
        s.ReplayInto(recorder);
        Assert.Equal(3, recorder.Complete().Liquidations);
    }

    [Fact]
    public void Events_stamped_exactly_at_the_end_give_one_final_account_snapshot_not_two()
    {
        string dir = _temp.Sub("end");
        ExchangeScript s = SmallCascade.Run(); // its last event is at 8 s, a snapshot boundary
        using (RunRecorder recorder = RunRecorder.Create(dir, SmallCascade.Info(s) with { EndNs = 8_000_000_000 }, SmallCascade.RecorderOptions(plots: false)))
        {
            s.ReplayInto(recorder);
            recorder.Complete();
        }

        var rows = TableText.CsvRecords(Path.Combine(dir, "tape", "accounts.csv"));
        Assert.Equal(rows.Count, rows.Select(r => (r["time_ns"], r["account"])).Distinct().Count());
        Assert.Equal(7, rows.Count(r => r["time_ns"] == "8000000000"));
        Assert.Equal(28, rows.Count); // 7 accounts at 2, 3 and 7 s and at the end (8 s)
    }

    [Fact]
    public void Shocks_at_the_same_time_count_together_for_a_cascade_whatever_their_order()
    {
        ExchangeScript s = SmallCascade.Run();
        RecordedShock market = SmallCascade.Info(s).Shocks[0];
        var amplifications = new List<double>();
        foreach (RecordedShock[] shocks in (RecordedShock[][])[[market], [market, new(market.TimeNs, 0, "index jump")], [new(market.TimeNs, 0, "index jump"), market]])
        {
            string dir = _temp.Sub("shocks-" + amplifications.Count);
            using RunRecorder recorder = RunRecorder.Create(dir, SmallCascade.Info(s) with { Shocks = shocks }, SmallCascade.RecorderOptions(plots: false));
            s.ReplayInto(recorder);
            amplifications.Add(recorder.Complete().LargestCascadeAmplification);
        }

        Assert.True(double.IsFinite(amplifications[0]) && amplifications[0] > 0);
        Assert.Equal(amplifications[0], amplifications[1]);
        Assert.Equal(amplifications[0], amplifications[2]);
    }

    [Fact]
    public void A_path_that_cannot_be_created_is_reported_with_the_path()
    {
        string file = _temp.Sub("a-file");
        File.WriteAllText(file, "x");
        ExchangeScript s = SmallCascade.Run();

        var isFile = Assert.Throws<RunOutputException>(() => RunRecorder.Create(file, SmallCascade.Info(s)));
        Assert.Contains($"'{file}' is a file", isFile.Message);

        string below = Path.Combine(file, "run"); // a directory cannot live inside a file
        var cannot = Assert.Throws<RunOutputException>(() => RunRecorder.Create(below, SmallCascade.Info(s)));
        Assert.Equal(below, cannot.Path);
        Assert.Contains(below, cannot.Message);
    }

    [Fact]
    public async Task A_run_disposed_without_completing_keeps_readable_tapes_of_what_it_saw()
    {
        ExchangeScript s = SmallCascade.Run();
        string dir = _temp.Sub("partial");
        int half = s.Events.Count / 2;
        using (RunRecorder recorder = RunRecorder.Create(dir, SmallCascade.Info(s), SmallCascade.RecorderOptions(plots: false)))
        {
            for (int i = 0; i < half; i++)
            {
                recorder.OnEvent(s.Events[i]);
            }
        }

        int trades = s.Events.Take(half).Count(e => e.Type == ExchangeEventType.Trade);
        Assert.True(trades > 0);
        Assert.Equal(1 + trades, TableText.Csv(Path.Combine(dir, "tape", "trades.csv")).Count);
        Assert.Equal(TableText.Csv(Path.Combine(dir, "tape", "trades.csv")), await TableText.ParquetAsync(Path.Combine(dir, "tape", "trades.parquet")));
        Assert.False(File.Exists(Path.Combine(dir, "summary.json")));
    }

    [Fact]
    public void Bad_run_facts_and_options_name_the_field()
    {
        ExchangeScript s = SmallCascade.Run();
        RecordedRunInfo info = SmallCascade.Info(s);

        var end = Assert.Throws<ArgumentException>(() => RunRecorder.Create(_temp.Sub("x"), info with { EndNs = info.StartNs }));
        Assert.Contains("'EndNs' must be after StartNs", end.Message);
        var tick = Assert.Throws<ArgumentException>(() => RunRecorder.Create(_temp.Sub("x"), info with { TickSize = 0.000000001m, LotSize = 0.001m }));
        Assert.Contains("whole number of cash units", tick.Message);
        var shocks = Assert.Throws<ArgumentException>(() => RunRecorder.Create(_temp.Sub("x"), info with
        {
            Shocks = [new RecordedShock(5, 1, "b"), new RecordedShock(1, 1, "a")],
        }));
        Assert.Contains("'Shocks[1]'", shocks.Message);
        var band = Assert.Throws<ArgumentOutOfRangeException>(() => RunRecorder.Create(_temp.Sub("x"), info, new RecorderOptions { DepthBandFraction = 1.5 }));
        Assert.Contains("DepthBandFraction", band.Message);
        Assert.False(Directory.Exists(_temp.Sub("x"))); // checked before anything is created
    }

    [Fact]
    public void Events_after_completion_are_refused()
    {
        ExchangeScript s = SmallCascade.Run();
        using RunRecorder recorder = RunRecorder.Create(_temp.Sub("done"), SmallCascade.Info(s), SmallCascade.RecorderOptions(plots: false));
        s.ReplayInto(recorder);
        recorder.Complete();
        Assert.Throws<InvalidOperationException>(() => recorder.OnEvent(s.Events[0]));
        Assert.Throws<InvalidOperationException>(() => recorder.Complete());
    }
}
