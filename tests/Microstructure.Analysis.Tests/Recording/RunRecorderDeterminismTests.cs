using Microstructure.Analysis.Recording;
using Microstructure.Analysis.Tests.Recording.TestSupport;
using Microstructure.Risk.Liquidation;

namespace Microstructure.Analysis.Tests.Recording;

public sealed class RunRecorderDeterminismTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_same_events_give_byte_identical_tables_summary_and_report_in_any_directory()
    {
        ExchangeScript s = CrowdCascade.Run(new InsuranceFundOptions(), seed: 3, takerFee: 0.0004m, makerFee: 0.0002m);
        var options = new RecorderOptions { WritePlots = false, AccountSnapshotIntervalNs = 2_000_000_000, RowGroupSize = 256 };
        RunSummary first = Record(s, "first", options);
        RunSummary second = Record(s, "second", options);

        Assert.True(first.Liquidations > 10, $"only {first.Liquidations} liquidations");
        string[] files = [.. Directory.GetFiles(first.Directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first.Directory, f)).Order(StringComparer.Ordinal)];
        Assert.Equal(files, Directory.GetFiles(second.Directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second.Directory, f)).Order(StringComparer.Ordinal));
        Assert.Contains("summary.json", files);
        Assert.Contains(Path.Combine("tape", "trades.parquet"), files);
        foreach (string file in files)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(first.Directory, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Directory, file))),
                $"{file} differs between two recordings of the same events");
        }

        Assert.Equal(first with { Directory = "" }, second with { Directory = "" });
    }

    [Fact]
    public void A_replayed_exchange_run_gives_the_same_summary_as_the_first()
    {
        // Determinism end to end: the exchange is deterministic, so two runs of the same script record the same numbers.
        var options = new RecorderOptions { WritePlots = false };
        RunSummary a = Record(CrowdCascade.Run(new TieredPartialOptions(), seed: 5), "a", options);
        RunSummary b = Record(CrowdCascade.Run(new TieredPartialOptions(), seed: 5), "b", options);
        Assert.Equal(a with { Directory = "" }, b with { Directory = "" });
        Assert.Equal(File.ReadAllBytes(Path.Combine(a.Directory, "summary.json")), File.ReadAllBytes(Path.Combine(b.Directory, "summary.json")));
    }

    private RunSummary Record(ExchangeScript s, string name, RecorderOptions options)
    {
        using RunRecorder recorder = RunRecorder.Create(_temp.Sub(name), CrowdCascade.Info(s, "insurance-fund"), options);
        s.ReplayInto(recorder);
        return recorder.Complete();
    }
}
