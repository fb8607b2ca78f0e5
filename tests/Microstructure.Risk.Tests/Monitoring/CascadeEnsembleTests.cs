using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microstructure.Risk.Warning;

namespace Microstructure.Risk.Tests.Monitoring;

public sealed class CascadeEnsembleTests
{
    private static readonly int Vol = Array.IndexOf(CascadeFeatures.Names, "realized_vol_30s");
    private static readonly int Map = Array.IndexOf(CascadeFeatures.Names, "within_1pct");

    /// <summary>Node 0: vol ≤ 0.01 → node 1, else leaf 2 (+3); node 1: within_1pct ≤ 1e6 → leaf 0 (−2), else leaf 1 (+1).</summary>
    private static CascadeEnsemble.TreeData Tree() => new(0.5, [Vol, Map], [0.01f, 1e6f], [1, ~0], [~2, ~1], [-2, 1, 3]);

    private static double[] Vector(double vol, double map)
    {
        var v = new double[CascadeFeatures.Count];
        v[Vol] = vol;
        v[Map] = map;
        return v;
    }

    [Fact]
    public void A_tree_is_walked_left_on_less_or_equal_and_a_missing_value_goes_left()
    {
        var model = CascadeEnsemble.Create([Tree()], bias: 0.25, slope: -2, offset: 0.1);
        Assert.Equal((float)(0.25 + (0.5 * -2)), model.Score(Vector(0.01, 1e6)));
        Assert.Equal((float)(0.25 + (0.5 * 1)), model.Score(Vector(0.005, 2e6)));
        Assert.Equal((float)(0.25 + (0.5 * 3)), model.Score(Vector(0.02, 0)));
        Assert.Equal((float)(0.25 + (0.5 * -2)), model.Score(Vector(double.NaN, double.NaN))); // NaN is below every threshold
        float score = model.Score(Vector(0.02, 0));
        Assert.Equal((float)(1 / (1 + Math.Exp((-2 * score) + 0.1))), model.Probability(Vector(0.02, 0)));
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property The_file_round_trips_to_the_same_probabilities()
    {
        var value = Gen.Elements(double.NaN, 0, 0.004, 0.01, 0.05, 5e5, 1e6, 3e6);
        return Prop.ForAll(value.ToArbitrary(), value.ToArbitrary(), Gen.Choose(-300, 300).ToArbitrary(), (vol, map, bias) =>
        {
            byte[] file = CascadeEnsemble.Write([Tree(), Tree() with { Weight = 0.1 }], bias / 100d, -1.5, 0.2);
            var read = CascadeEnsemble.Read(file);
            var built = CascadeEnsemble.Create([Tree(), Tree() with { Weight = 0.1 }], bias / 100d, -1.5, 0.2);
            double[] v = Vector(vol, map);
            return read.Probability(v) == built.Probability(v) && read.Score(v) == built.Score(v);
        });
    }

    [Theory]
    [InlineData("format", "\"format\": \"something-else\"")]
    [InlineData("features", "\"features\": [\"a\"]")]
    [InlineData("trees[0].left/right[0]", "\"left\": [5, -1]")]
    [InlineData("trees[0].feature[0]", "\"feature\": [99, 1]")]
    public void A_broken_file_is_refused_naming_the_field(string field, string replacement)
    {
        string json = Encoding.UTF8.GetString(CascadeEnsemble.Write([Tree()], 0, -1, 0));
        string key = replacement[..replacement.IndexOf(':', StringComparison.Ordinal)];
        int at = json.IndexOf(key, StringComparison.Ordinal);
        int end = json[at..].StartsWith("\"features\"", StringComparison.Ordinal) || json[at..].StartsWith("\"left\"", StringComparison.Ordinal) || json[at..].StartsWith("\"feature\"", StringComparison.Ordinal)
            ? json.IndexOf(']', at) + 1
            : json.IndexOf(',', at);
        string broken = json[..at] + replacement + json[end..];

        var error = Assert.Throws<FormatException>(() => CascadeEnsemble.Read(Encoding.UTF8.GetBytes(broken)));
        Assert.StartsWith(field + ":", error.Message, StringComparison.Ordinal);
    }
}

public sealed class CascadeEnsembleFileTests
{
    private static string Valid() => Encoding.UTF8.GetString(CascadeEnsemble.Write([new(1, [], [], [], [], [0.5])], 0.1, -1, 0));

    [Theory]
    [InlineData("\"trees\":[", "\"trees\":[null,", "trees[0]")]
    [InlineData("\"bias\":0.1,", "", "bias")]
    [InlineData("\"slope\":-1,", "", "slope")]
    public void A_null_tree_or_a_missing_number_is_refused_not_taken_as_zero(string find, string replace, string named)
    {
        string broken = Valid().Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid(), broken);
        var error = Assert.Throws<FormatException>(() => CascadeEnsemble.Read(Encoding.UTF8.GetBytes(broken)));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
