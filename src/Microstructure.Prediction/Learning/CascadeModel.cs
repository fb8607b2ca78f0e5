using Microsoft.ML.Data;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using Microstructure.Prediction.Data;
using Microstructure.Risk.Warning;

namespace Microstructure.Prediction.Learning;

/// <summary>What train records beside the model (MODEL with extension .json): the split and the settings.</summary>
internal sealed record ModelCard(string Dataset, int Seed, string[] Features, string[] TrainRuns, string[] TestRuns, int TrainRows, int TrainPositives, int Iterations, int Leaves, double LearningRate, int MinLeafRows);

/// <summary>
/// Gradient-boosted trees (ML.NET LightGbm) on the dataset's features: fixed seeds, one thread, LightGbm's
/// deterministic mode and column-wise histograms, so the same dataset gives the same model and the same scores.
/// </summary>
internal static class CascadeModel
{
    public const int DefaultSeed = 1;
    public const int Iterations = 200;
    public const int Leaves = 15;
    public const double LearningRate = 0.05;
    public const int MinLeafRows = 50;

    /// <summary>The card's path: the model's with extension .json (model.zip → model.json).</summary>
    public static string CardPath(string modelPath) => Path.ChangeExtension(modelPath, ".json");

    /// <summary>Trains on the dataset's training runs (<see cref="RunSplit"/>) and saves the model and its card.</summary>
    public static ModelCard Train(Dataset dataset, string modelPath, int seed)
    {
        if (!modelPath.EndsWith(".zip", StringComparison.Ordinal))
        {
            throw new PredictionInputException($"--out {modelPath}: the model is an ML.NET zip file; name it *.zip");
        }

        if (File.Exists(modelPath) || File.Exists(CardPath(modelPath)) || File.Exists(EnsembleExport.PathOf(modelPath)))
        {
            throw new PredictionInputException($"--out {modelPath}: it, {CardPath(modelPath)} or {EnsembleExport.PathOf(modelPath)} exists; nothing is overwritten — choose another path or delete them");
        }

        (string[] train, string[] test) = RunSplit.Split(dataset.Rows.Select(r => r.Run), (ulong)seed);
        var trainSet = train.ToHashSet(StringComparer.Ordinal);
        DatasetRow[] rows = [.. dataset.Rows.Where(r => trainSet.Contains(r.Run))];
        int positives = rows.Count(r => r.Label);
        if (positives == 0 || positives == rows.Length)
        {
            throw new PredictionInputException($"{dataset.Path}: the training runs hold {positives} positive of {rows.Length} rows; both classes are needed (a lower --min-notional or a longer --horizon, or more runs)");
        }

        var ml = new MLContext(seed);
        IDataView data = ml.Data.LoadFromEnumerable(rows.Select(ToInput));
        var trainer = ml.BinaryClassification.Trainers.LightGbm(Options(seed));
        ITransformer model = trainer.Fit(data);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(modelPath));
        Directory.CreateDirectory(directory!);
        ml.Model.Save(model, data.Schema, modelPath);
        File.WriteAllBytes(EnsembleExport.PathOf(modelPath), EnsembleExport.Write(model));
        var card = new ModelCard(Path.GetFileName(dataset.Path), seed, CascadeFeatures.Names, train, test, rows.Length, positives, Iterations, Leaves, LearningRate, MinLeafRows);
        File.WriteAllText(CardPath(modelPath), JsonSerializer.Serialize(card, JsonOptions) + "\n");
        return card;
    }

    /// <summary>Loads a model and its card.</summary>
    public static (ITransformer Model, ModelCard Card) Load(MLContext ml, string modelPath)
    {
        if (!File.Exists(modelPath))
        {
            throw new PredictionInputException($"{modelPath}: no such file (train one with micro predict train DATASET --out {modelPath})");
        }

        string cardPath = CardPath(modelPath);
        if (!File.Exists(cardPath))
        {
            throw new PredictionInputException($"{cardPath}: missing — micro predict train writes it beside the model (it names the training runs)");
        }

        ModelCard card;
        try
        {
            card = JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(cardPath), JsonOptions)
                ?? throw new PredictionInputException($"{cardPath}: empty");
        }
        catch (JsonException e)
        {
            throw new PredictionInputException($"{cardPath}: not a model card ({e.Message})");
        }

        if (card.Features is null || !card.Features.SequenceEqual(CascadeFeatures.Names, StringComparer.Ordinal))
        {
            throw new PredictionInputException($"{cardPath}: the model was trained on other features than this version computes; train it again");
        }

        try
        {
            return (ml.Model.Load(modelPath, out _), card);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or IOException)
        {
            throw new PredictionInputException($"{modelPath}: not an ML.NET model ({e.Message.Split('\n')[0]})");
        }
    }

    /// <summary>The model's raw scores (higher = a cascade more likely) for feature rows.</summary>
    public static double[] Score(MLContext ml, ITransformer model, IEnumerable<double[]> features)
    {
        IDataView data = ml.Data.LoadFromEnumerable(features.Select(f => new ModelInput { Features = ToFloat(f) }));
        IDataView scored = model.Transform(data);
        return [.. scored.GetColumn<float>("Score").Select(s => (double)s)];
    }

    internal static LightGbmBinaryTrainer.Options Options(int seed) => new()
    {
        LabelColumnName = nameof(ModelInput.Label),
        FeatureColumnName = nameof(ModelInput.Features),
        NumberOfIterations = Iterations,
        NumberOfLeaves = Leaves,
        LearningRate = LearningRate,
        MinimumExampleCountPerLeaf = MinLeafRows,
        NumberOfThreads = 1,
        Seed = seed,
        Deterministic = true,
        ForceColumnWise = true,
        Silent = true,
        Verbose = false,
    };

    private static ModelInput ToInput(DatasetRow row) => new() { Features = ToFloat(row.Features), Label = row.Label };

    private static float[] ToFloat(double[] f)
    {
        var result = new float[f.Length];
        for (int i = 0; i < f.Length; i++)
        {
            result[i] = CascadeFeatures.ModelInput(f[i]);
        }

        return result;
    }

    internal static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
}
