using BenchmarkDotNet.Attributes;
using Microstructure.Risk.Monitoring;
using Microstructure.Risk.Monitoring.Predictive;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Warning;
using Microstructure.Workloads;

namespace Microstructure.Benchmarks;

/// <summary>
/// Issue 15 §3: the predictive-margin mitigation's inference at the mark clock — one feature vector scored by an
/// ensemble of the shape <c>micro predict train</c> exports (200 trees of 15 leaves), and the feature computation of a
/// snapshot from the live feed's state, and the whole per-second work of the mitigation at the shipped scenarios' size
/// (its own inline monitor snapshot of 2,000 positions, the features, the score). Vectors vary (a ring of 64) so the
/// branch predictor cannot learn one path.
/// </summary>
[MemoryDiagnoser]
public class PredictiveMarginBenchmark
{
    private const int Trees = 200;
    private const int Leaves = 15;
    private CascadeEnsemble _ensemble = null!;
    private double[][] _vectors = null!;
    private int _next;
    private RiskPopulation _population = null!;
    private RiskMonitor _monitor = null!;
    private CascadeFeed _feed = null!;
    private readonly double[] _features = new double[CascadeFeatures.Count];
    private long _sequence;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var trees = new List<CascadeEnsemble.TreeData>(Trees);
        for (int t = 0; t < Trees; t++)
        {
            trees.Add(RandomTree(random));
        }

        _ensemble = CascadeEnsemble.Create(trees, 0.1, -1, 0);
        _vectors = new double[64][];
        for (int i = 0; i < _vectors.Length; i++)
        {
            _vectors[i] = [.. Enumerable.Range(0, CascadeFeatures.Count).Select(_ => random.NextDouble() < 0.05 ? double.NaN : random.NextDouble())];
        }

        _population = RiskPopulation.Build(2_000, 200, MarkPriceMethod.External);
        _monitor = new RiskMonitor(new RiskMonitorOptions { IntervalNs = 1, OffThreadFrom = int.MaxValue });
        _population.Exchange.AttachMonitor(_monitor);
        _feed = new CascadeFeed(_population.Exchange.CashPerTickLot);
    }

    /// <summary>One second's work of the mitigation at 2,000 positions: the monitor snapshot, the features, the score.</summary>
    [Benchmark]
    public float SnapshotFeaturesAndScore2000()
    {
        RiskSnapshot snapshot = _monitor.Capture(++_sequence);
        // A snapshot a second, as in a run (the population's clock stands still; the features' map and windows need time to move).
        snapshot.TimeNs = _sequence * 1_000_000_000;
        _feed.Snapshot(snapshot, _features);
        return _ensemble.Probability(_features);
    }

    /// <summary>One probability: 200 tree walks and the calibration.</summary>
    [Benchmark]
    public float ScoreOneVector() => _ensemble.Probability(_vectors[_next++ & 63]);

    /// <summary>A tree of <see cref="Leaves"/> leaves in heap order (node i's children are 2i + 1 and 2i + 2, or leaves), random splits.</summary>
    private static CascadeEnsemble.TreeData RandomTree(Random random)
    {
        int nodes = Leaves - 1;
        var left = new int[nodes];
        var right = new int[nodes];
        int nextLeaf = 0;
        for (int i = 0; i < nodes; i++)
        {
            left[i] = (2 * i) + 1 < nodes ? (2 * i) + 1 : ~nextLeaf++;
            right[i] = (2 * i) + 2 < nodes ? (2 * i) + 2 : ~nextLeaf++;
        }

        return new CascadeEnsemble.TreeData(
            1,
            [.. Enumerable.Range(0, nodes).Select(_ => random.Next(CascadeFeatures.Count))],
            [.. Enumerable.Range(0, nodes).Select(_ => (float)random.NextDouble())],
            left,
            right,
            [.. Enumerable.Range(0, Leaves).Select(_ => random.NextDouble() - 0.5)]);
    }
}
