using Microsoft.ML;
using Microstructure.Prediction.Learning;
using Microstructure.Risk.Warning;

namespace Microstructure.Prediction.Tests;

/// <summary>The exported ensemble, evaluated without ML.NET, gives ML.NET's own scores and probabilities.</summary>
public sealed class EnsembleExportTests
{
    private sealed class Scored
    {
        public float Score { get; set; }

        public float Probability { get; set; }
    }

    [Fact]
    public void The_exported_trees_score_every_vector_as_ML_NET_does()
    {
        var random = new Random(7);
        int vol = Array.IndexOf(CascadeFeatures.Names, "realized_vol_30s"), map = Array.IndexOf(CascadeFeatures.Names, "within_1pct_share_of_oi");
        var rows = new List<(double[] Features, bool Label)>();
        for (int i = 0; i < 3_000; i++)
        {
            var f = new double[CascadeFeatures.Count];
            for (int k = 0; k < f.Length; k++)
            {
                // Every feature sometimes missing, as early in a run.
                f[k] = random.NextDouble() < 0.1 ? double.NaN : (random.NextDouble() * 2) - 0.5;
            }

            bool label = (double.IsNaN(f[vol]) ? 0 : f[vol]) + (double.IsNaN(f[map]) ? 0.3 : f[map]) + (0.4 * random.NextDouble()) > 1.2;
            rows.Add((f, label));
        }

        var ml = new MLContext(1);
        IDataView train = ml.Data.LoadFromEnumerable(rows.Take(2_000).Select(r => new ModelInput { Features = [.. r.Features.Select(CascadeFeatures.ModelInput)], Label = r.Label }));
        var model = ml.BinaryClassification.Trainers.LightGbm(CascadeModel.Options(1)).Fit(train);
        IDataView test = ml.Data.LoadFromEnumerable(rows.Skip(2_000).Select(r => new ModelInput { Features = [.. r.Features.Select(CascadeFeatures.ModelInput)], Label = r.Label }));
        Scored[] expected = [.. ml.Data.CreateEnumerable<Scored>(model.Transform(test), reuseRowObject: false)];

        CascadeEnsemble ensemble = CascadeEnsemble.Read(EnsembleExport.Write(model));
        Assert.Equal(CascadeModel.Iterations, ensemble.TreeCount);
        double[][] features = [.. rows.Skip(2_000).Select(r => r.Features)];
        for (int i = 0; i < features.Length; i++)
        {
            Assert.Equal(expected[i].Score, ensemble.Score(features[i]), 4);
            Assert.Equal(expected[i].Probability, ensemble.Probability(features[i]), 5);
        }

        Assert.Contains(expected, s => s.Probability > 0.5);
        Assert.Contains(expected, s => s.Probability < 0.5);
    }
}
