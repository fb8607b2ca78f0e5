using BenchmarkDotNet.Attributes;
using Microstructure.Risk.Warning;

namespace Microstructure.Benchmarks;

/// <summary>
/// Issue 15 §3: the predictive-margin mitigation's inference at the mark clock — one feature vector scored by an
/// ensemble of the shape <c>micro predict train</c> exports (200 trees of 15 leaves), and the feature computation of a
/// snapshot from the live feed's state. The risk monitor's snapshot it scores is measured by
/// <see cref="RiskMonitorBenchmark"/>. Vectors vary (a ring of 64) so the branch predictor cannot learn one path.
/// </summary>
[MemoryDiagnoser]
public class PredictiveMarginBenchmark
{
    private const int Trees = 200;
    private const int Leaves = 15;
    private CascadeEnsemble _ensemble = null!;
    private double[][] _vectors = null!;
    private int _next;

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
