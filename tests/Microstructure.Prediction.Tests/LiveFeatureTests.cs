using System.Text.Json;
using System.Text.Json.Nodes;
using Microstructure.Analysis.Recording;
using Microstructure.Prediction.Data;
using Microstructure.Risk.Warning;
using Microstructure.Runner.Recording;
using Microstructure.Simulation.Running;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Prediction.Tests;

/// <summary>
/// Issue 15 §3: the predictive-margin mitigation scores, inside the exchange, exactly the vectors <c>micro predict
/// dataset</c> builds from the same run's tapes — so a model trained on tapes sees live what it was trained on.
/// </summary>
public sealed class LiveFeatureTests
{
    [Fact]
    public async Task The_live_features_equal_those_built_from_the_runs_tapes_bit_for_bit()
    {
        string folder = Path.Combine(Path.GetTempPath(), "ms-live-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // A model that never warns (p ≈ 2e-9): the run is the plain cascade run, scored at every snapshot.
            File.WriteAllBytes(Path.Combine(folder, "quiet.ensemble.json"), CascadeEnsemble.Write([new(1, [], [], [], [], [-20])], 0, -1, 0));
            string scenarioPath = Path.Combine(folder, "cascade.json");
            File.WriteAllText(scenarioPath, TinyCascade("quiet.ensemble.json"));
            using var run = new SimulationRun(ScenarioLoader.Load(scenarioPath), new RunOptions { DurationSeconds = 70 });
            var live = new List<(long Sequence, double[] Features)>();
            run.Exchange.PredictiveMargin!.Observer = (s, f, _) => live.Add((s.Sequence, [.. f]));

            RecordedSimulation.Execute(run, Path.Combine(folder, "run"), new RecorderOptions { WritePlots = false });
            RunTapes tapes = await RunTapes.ReadAsync(Path.Combine(folder, "run"), CancellationToken.None);
            double[][] offline = FeatureExtractor.Extract(tapes);

            Assert.True(tapes.Liquidations.Length > 0, "the run liquidated someone (the liquidation features are exercised)");
            Assert.True(live.Count >= 60, $"a snapshot a second ({live.Count})");
            Assert.Equal(tapes.Monitor.Select(m => m.Sequence), live.Select(l => l.Sequence));
            for (int i = 0; i < offline.Length; i++)
            {
                for (int k = 0; k < CascadeFeatures.Count; k++)
                {
                    Assert.True(BitConverter.DoubleToInt64Bits(offline[i][k]) == BitConverter.DoubleToInt64Bits(live[i].Features[k]),
                        $"snapshot {i} (seq {live[i].Sequence}), {CascadeFeatures.Names[k]}: tapes {offline[i][k]}, live {live[i].Features[k]}");
                }
            }

            int depth = Array.IndexOf(CascadeFeatures.Names, "depth_1pct_lots");
            Assert.Contains(offline, v => !double.IsNaN(v[depth]) && v[depth] > 0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The shipped cascade scenario for a 70 s run: the crowd opens by 30 s, the news and the sell hit at 35 s.</summary>
    internal static string TinyCascade(string model)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "leveraged-cascade.json");
        var node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        node["agents"]![4]!["entryEndSeconds"] = 30;
        foreach (JsonNode? shock in node["shocks"]!.AsArray())
        {
            shock!["atSeconds"] = 35;
        }

        node["mitigations"] = new JsonArray(new JsonObject { ["name"] = "predictive-margin", ["options"] = new JsonObject { ["model"] = model } });
        return node.ToJsonString();
    }
}
