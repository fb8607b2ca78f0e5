using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microstructure.Analysis.Sweeps;

namespace Microstructure.Benchmarks;

/// <summary>
/// The statistics of a large sweep: 3 designs × 20 metrics × 50 points × 10 seeds (1,500 runs; random values, fixed
/// seed), every summary, bootstrap interval, paired difference, ranking and finding — what a sweep computes once after
/// its runs. Replaces a timed unit test, which the shared CI machine made flaky.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SweepStatisticsBenchmark
{
    private SweepTable _table = null!;

    [GlobalSetup]
    public void Setup()
    {
        var metrics = SweepMetrics.Known.Take(20).Select(m => m.Column).ToArray();
        var rows = new List<SweepTableRow>();
        var random = new Random(1);
        for (int p = 0; p < 50; p++)
        {
            foreach (string design in new[] { "a", "b", "c" })
            {
                for (int seed = 0; seed < 10; seed++)
                {
                    rows.Add(new SweepTableRow([p.ToString(CultureInfo.InvariantCulture)], design, seed, [.. metrics.Select(_ => random.NextDouble() * 1000)]));
                }
            }
        }

        _table = new SweepTable(["x"], metrics, rows);
    }

    [Benchmark]
    public int Compute() => SweepStatistics.Compute(_table).Summaries.Count;
}
