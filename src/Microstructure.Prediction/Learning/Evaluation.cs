using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;
using Microstructure.Prediction.Data;
using Microstructure.Risk.Warning;

namespace Microstructure.Prediction.Learning;

/// <summary>One scorer's metrics on the held-out rows.</summary>
internal sealed record ScorerMetrics(
    string Name, double RocAuc, double PrAuc,
    [property: JsonPropertyName("precision_at_50pct_recall")] double PrecisionAt50Recall,
    [property: JsonPropertyName("threshold_at_50pct_recall")] double ThresholdAt50Recall,
    LeadTimes LeadTimes);

/// <summary>
/// Lead times at the 50%-recall threshold: per held-out cascade (a run's qualifying cascade start with at least one
/// sample in its horizon), how long before the start the score first reached the threshold within the horizon.
/// </summary>
internal sealed record LeadTimes(int Cascades, int Warned, double? P10Seconds, double? MedianSeconds, double? P90Seconds, double? MeanSeconds);

/// <summary>A feature's permutation importance: the held-out ROC AUC lost when its column is shuffled.</summary>
internal sealed record FeatureImportance(string Feature, double AucDrop);

/// <summary>Everything <c>micro predict eval</c> reports.</summary>
internal sealed record EvaluationReport(
    string ModelFile, string DatasetFile, int HeldOutRuns, int Rows, int Positives, double PositiveShare,
    ScorerMetrics Model,
    [property: JsonPropertyName("baseline_within_1pct")] ScorerMetrics BaselineWithin1Pct,
    [property: JsonPropertyName("baseline_realized_vol_30s")] ScorerMetrics BaselineRealizedVol,
    FeatureImportance[] Importance);

/// <summary>Evaluates a model on the dataset's held-out runs against the two baselines (docs/prediction.md).</summary>
internal static class Evaluation
{
    /// <summary>The baseline features: liquidation-map notional within 1% of the mark, and realized volatility.</summary>
    public const string Within1PctFeature = "within_1pct";

    /// <summary>See <see cref="Within1PctFeature"/>.</summary>
    public const string RealizedVolFeature = "realized_vol_30s";

    public static EvaluationReport Evaluate(string modelPath, Dataset dataset, int permutationSeed = 1)
    {
        var ml = new MLContext(permutationSeed);
        (ITransformer model, ModelCard card) = CascadeModel.Load(ml, modelPath);
        var trained = card.TrainRuns.ToHashSet(StringComparer.Ordinal);
        DatasetRow[] rows = [.. dataset.Rows.Where(r => !trained.Contains(r.Run))];
        if (rows.Length == 0)
        {
            throw new PredictionInputException($"{dataset.Path}: every run in it was used to train {modelPath}; evaluate on a dataset with other runs");
        }

        bool[] labels = [.. rows.Select(r => r.Label)];
        double[] scores = CascadeModel.Score(ml, model, rows.Select(r => r.Features));
        int w1 = Array.IndexOf(CascadeFeatures.Names, Within1PctFeature), rv = Array.IndexOf(CascadeFeatures.Names, RealizedVolFeature);
        ScorerMetrics modelMetrics = Measure("model", rows, scores, labels);
        ScorerMetrics baseline1 = Measure("within_1pct alone", rows, [.. rows.Select(r => r.Features[w1])], labels);
        ScorerMetrics baseline2 = Measure("realized_vol_30s alone", rows, [.. rows.Select(r => r.Features[rv])], labels);

        // Permutation importance: shuffle one column across the held-out rows (fixed seed), score again.
        var importance = new List<FeatureImportance>();
        for (int k = 0; k < CascadeFeatures.Count; k++)
        {
            double[] column = [.. rows.Select(r => r.Features[k])];
            Shuffle(column, (ulong)permutationSeed * 1_000_003UL + (ulong)k);
            var permuted = rows.Select((r, i) =>
            {
                double[] f = (double[])r.Features.Clone();
                f[k] = column[i];
                return f;
            });
            double auc = Metrics.RocAuc(CascadeModel.Score(ml, model, permuted), labels);
            importance.Add(new FeatureImportance(CascadeFeatures.Names[k], modelMetrics.RocAuc - auc));
        }

        int positives = labels.Count(l => l);
        return new EvaluationReport(
            Path.GetFileName(modelPath), Path.GetFileName(dataset.Path), rows.Select(r => r.Run).Distinct(StringComparer.Ordinal).Count(),
            rows.Length, positives, (double)positives / rows.Length, modelMetrics, baseline1, baseline2,
            [.. importance.OrderByDescending(i => i.AucDrop).ThenBy(i => i.Feature, StringComparer.Ordinal)]);
    }

    public static ScorerMetrics Measure(string name, DatasetRow[] rows, double[] scores, bool[] labels)
    {
        (double threshold, double precision) = Metrics.AtRecall(scores, labels, 0.5);
        return new ScorerMetrics(name, Metrics.RocAuc(scores, labels), Metrics.PrAuc(scores, labels), precision, threshold, Leads(rows, scores, threshold));
    }

    /// <summary>Lead times of the score at <paramref name="threshold"/> (see <see cref="LeadTimes"/>).</summary>
    public static LeadTimes Leads(DatasetRow[] rows, double[] scores, double threshold)
    {
        var firstAlarm = new SortedDictionary<(string Run, long Start), long?>();
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i].CascadeStartNs is not { } start)
            {
                continue;
            }

            var key = (rows[i].Run, start);
            firstAlarm.TryGetValue(key, out long? alarm);
            if (!double.IsNaN(scores[i]) && scores[i] >= threshold && (alarm is null || rows[i].TimeNs < alarm))
            {
                alarm = rows[i].TimeNs;
            }

            firstAlarm[key] = alarm;
        }

        double[] leads = [.. firstAlarm.Where(kv => kv.Value is not null).Select(kv => (kv.Key.Start - kv.Value!.Value) / 1e9).Order()];
        return new LeadTimes(firstAlarm.Count, leads.Length, Quantile(leads, 0.1), Quantile(leads, 0.5), Quantile(leads, 0.9), leads.Length > 0 ? leads.Average() : null);
    }

    /// <summary>Writes eval.json and importance.csv into <paramref name="directory"/> (created; files must not exist).</summary>
    public static void Write(EvaluationReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        string json = Path.Combine(directory, "eval.json"), csv = Path.Combine(directory, "importance.csv");
        foreach (string f in new[] { json, csv })
        {
            if (File.Exists(f))
            {
                throw new PredictionInputException($"--out {directory}: {Path.GetFileName(f)} exists; nothing is overwritten");
            }
        }

        File.WriteAllText(json, JsonSerializer.Serialize(report, CascadeModel.JsonOptions) + "\n");
        var sb = new StringBuilder("feature,auc_drop\n");
        foreach (FeatureImportance i in report.Importance)
        {
            sb.Append(i.Feature).Append(',').Append(i.AucDrop.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(csv, sb.ToString());
    }

    /// <summary>The report as the terminal shows it.</summary>
    public static string Format(EvaluationReport r, int topFeatures = 10)
    {
        var sb = new StringBuilder();
        var ic = CultureInfo.InvariantCulture;
        sb.AppendLine(ic, $"held out: {r.HeldOutRuns} runs, {r.Rows} samples, {r.Positives} positive ({r.PositiveShare:P1})");
        sb.AppendLine("scorer                   ROC AUC  PR AUC  prec@50%rec  cascades warned  lead p10/p50/p90 (s)");
        foreach (ScorerMetrics m in new[] { r.Model, r.BaselineWithin1Pct, r.BaselineRealizedVol })
        {
            LeadTimes l = m.LeadTimes;
            sb.AppendLine(ic, $"{m.Name,-24} {m.RocAuc,7:F3}  {m.PrAuc,6:F3}  {m.PrecisionAt50Recall,11:F3}  {l.Warned,7}/{l.Cascades,-7}  {S(l.P10Seconds)}/{S(l.MedianSeconds)}/{S(l.P90Seconds)}");
        }

        sb.AppendLine(ic, $"features carrying it (held-out ROC AUC lost when shuffled), top {Math.Min(topFeatures, r.Importance.Length)}:");
        foreach (FeatureImportance i in r.Importance.Take(topFeatures))
        {
            sb.AppendLine(ic, $"  {i.Feature,-32} {i.AucDrop,7:F4}");
        }

        return sb.ToString();

        static string S(double? v) => v is { } x ? x.ToString("0", CultureInfo.InvariantCulture) : "-";
    }

    private static double? Quantile(double[] sorted, double q) =>
        sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void Shuffle(double[] values, ulong seed)
    {
        ulong state = seed;
        for (int i = values.Length - 1; i > 0; i--)
        {
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            int j = (int)(z % (ulong)(i + 1));
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
