using System.Text.Json;

namespace Microstructure.Risk.Warning;

/// <summary>
/// The cascade early-warning model as the simulator runs it: the gradient-boosted trees <c>micro predict train</c>
/// exports beside its ML.NET model (<c>MODEL.ensemble.json</c>), evaluated here without ML.NET. Each tree sends a
/// feature vector left when feature ≤ threshold (in single precision, as ML.NET compares) until a leaf; the score is
/// bias + Σ weight × leaf value, and the probability is ML.NET's Platt calibration 1 / (1 + e^(slope × score + offset)).
/// Pure arithmetic on the given vector: the same vector gives the same probability on every run (a test checks it
/// against ML.NET's own scores). A few microseconds per vector (docs/performance.md).
/// </summary>
internal sealed class CascadeEnsemble
{
    /// <summary>The file's format tag.</summary>
    public const string Format = "microstructure/cascade-ensemble/1";

    private readonly Tree[] _trees;
    private readonly double _bias;
    private readonly double _slope;
    private readonly double _offset;

    private CascadeEnsemble(Tree[] trees, double bias, double slope, double offset)
    {
        _trees = trees;
        _bias = bias;
        _slope = slope;
        _offset = offset;
    }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _trees.Length;

    /// <summary>The raw score (higher = a cascade more likely), as ML.NET's Score column.</summary>
    public float Score(ReadOnlySpan<double> features)
    {
        if (features.Length != CascadeFeatures.Count)
        {
            throw new ArgumentException($"Expected {CascadeFeatures.Count} features, got {features.Length}.", nameof(features));
        }

        double sum = _bias;
        foreach (Tree tree in _trees)
        {
            sum += tree.Weight * tree.Evaluate(features);
        }

        return (float)sum;
    }

    /// <summary>The calibrated probability of a cascade within the model's horizon, as ML.NET's Probability column.</summary>
    public float Probability(ReadOnlySpan<double> features) => (float)(1d / (1d + Math.Exp((_slope * Score(features)) + _offset)));

    /// <summary>Builds an ensemble from its parts (the exporter and the tests); checks every index.</summary>
    public static CascadeEnsemble Create(IReadOnlyList<TreeData> trees, double bias, double slope, double offset)
    {
        var built = new Tree[trees.Count];
        for (int i = 0; i < trees.Count; i++)
        {
            built[i] = Tree.Create(trees[i], $"trees[{i}]");
        }

        Check(double.IsFinite(bias) && double.IsFinite(slope) && double.IsFinite(offset), "bias/calibration", "must be finite numbers");
        return new CascadeEnsemble(built, bias, slope, offset);
    }

    /// <summary>Reads an exported ensemble file.</summary>
    /// <exception cref="FormatException">The file is not an ensemble of this version's features (the message names the field).</exception>
    public static CascadeEnsemble Read(ReadOnlySpan<byte> utf8)
    {
        EnsembleFile? file;
        try
        {
            file = JsonSerializer.Deserialize<EnsembleFile>(utf8, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a cascade ensemble: {e.Message.Split(" Path:", 2)[0]} (at {e.Path}, line {e.LineNumber + 1})", e);
        }

        Check(file is not null, "$", "empty");
        Check(file!.Format == Format, "format", $"must be \"{Format}\"; got \"{file.Format}\" (export it again with micro predict train)");
        Check(file.Features is not null && file.Features.SequenceEqual(CascadeFeatures.Names, StringComparer.Ordinal), "features",
            "the model was trained on other features than this version computes; train it again");
        Check(file.Trees is { Count: > 0 }, "trees", "must hold at least one tree");
        Check(file.Calibration is not null, "calibration", "missing");
        return Create(file.Trees!, file.Bias, file.Calibration!.Slope, file.Calibration.Offset);
    }

    /// <summary>Writes the file <see cref="Read"/> reads (deterministic bytes: same model, same file).</summary>
    public static byte[] Write(IReadOnlyList<TreeData> trees, double bias, double slope, double offset)
    {
        _ = Create(trees, bias, slope, offset); // what is written can be read
        var file = new EnsembleFile(Format, [.. CascadeFeatures.Names], bias, new Calibration(slope, offset), [.. trees]);
        return JsonSerializer.SerializeToUtf8Bytes(file, JsonOptions);
    }

    private static void Check(bool condition, string field, string problem)
    {
        if (!condition)
        {
            throw new FormatException($"{field}: {problem}");
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true, // a missing weight, bias or slope is an error, never a silent 0
        RespectNullableAnnotations = true,
    };

    /// <summary>
    /// One regression tree as ML.NET exposes it: node i tests <c>Feature[i]</c> ≤ <c>Threshold[i]</c> and goes to
    /// <c>Left[i]</c>, else <c>Right[i]</c>; a child ≥ 0 is a node, a child c &lt; 0 is leaf ~c with value <c>Leaf[~c]</c>.
    /// A one-leaf tree has no nodes.
    /// </summary>
    public sealed record TreeData(double Weight, int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaf);

    private sealed record Calibration(double Slope, double Offset);

    private sealed record EnsembleFile(string Format, string[] Features, double Bias, Calibration Calibration, List<TreeData> Trees);

    private sealed class Tree(double weight, int[] feature, float[] threshold, int[] left, int[] right, double[] leaf)
    {
        public double Weight => weight;

        public double Evaluate(ReadOnlySpan<double> features)
        {
            if (feature.Length == 0)
            {
                return leaf[0];
            }

            int node = 0;
            while (true)
            {
                int next = CascadeFeatures.ModelInput(features[feature[node]]) <= threshold[node] ? left[node] : right[node];
                if (next < 0)
                {
                    return leaf[~next];
                }

                node = next;
            }
        }

        public static Tree Create(TreeData d, string path)
        {
            Check(d is not null, path, "is null; expected a tree");
            Check(d!.Feature is not null && d.Threshold is not null && d.Left is not null && d.Right is not null && d.Leaf is not null, path, "needs feature, threshold, left, right and leaf");
            int[] feature = d.Feature!, left = d.Left!, right = d.Right!;
            float[] threshold = d.Threshold!;
            double[] leaf = d.Leaf!;
            int nodes = feature.Length;
            Check(threshold.Length == nodes && left.Length == nodes && right.Length == nodes, path, "feature, threshold, left and right must be as long as each other");
            Check(leaf.Length == nodes + 1, path, $"a tree with {nodes} nodes has {nodes + 1} leaves; got {leaf.Length}");
            Check(double.IsFinite(d.Weight) && leaf.All(double.IsFinite), path, "weight and leaf values must be finite");
            for (int i = 0; i < nodes; i++)
            {
                Check(feature[i] >= 0 && feature[i] < CascadeFeatures.Count, $"{path}.feature[{i}]", $"must be a feature index 0 … {CascadeFeatures.Count - 1}; got {feature[i]}");
                Check(!float.IsNaN(threshold[i]), $"{path}.threshold[{i}]", "must be a number");
                foreach (int child in (ReadOnlySpan<int>)[left[i], right[i]])
                {
                    // Children point forward (ML.NET numbers nodes so), which also rules out a cycle: every walk ends at a leaf.
                    Check(child < 0 ? ~child < leaf.Length : child > i && child < nodes, $"{path}.left/right[{i}]", $"child {child} is neither a later node nor a leaf");
                }
            }

            return new Tree(d.Weight, feature, threshold, left, right, leaf);
        }
    }
}
