using System.Text.Json;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Validation;

namespace Microstructure.Agents.Tests.Randomness;

public class ValueDistributionTests
{
    [Theory]
    [InlineData(DistributionKind.Uniform)]
    [InlineData(DistributionKind.LogUniform)]
    [InlineData(DistributionKind.PowerLaw)]
    [InlineData(DistributionKind.Exponential)]
    public void Every_draw_lies_in_the_bounds_and_the_sample_mean_matches_Expected(DistributionKind kind)
    {
        var d = kind switch
        {
            DistributionKind.Uniform => ValueDistribution.Uniform(5, 50),
            DistributionKind.LogUniform => ValueDistribution.LogUniform(1_000, 20_000),
            DistributionKind.PowerLaw => ValueDistribution.PowerLaw(1, 500, 1.5),
            _ => ValueDistribution.ExponentialFrom(10, 30, 600),
        };
        var random = new SimRandom(3);
        double[] draws = [.. Enumerable.Range(0, 400_000).Select(_ => d.Sample(random))];
        Assert.All(draws, x => Assert.InRange(x, d.Lowest, d.Highest));
        Assert.InRange(draws.Average(), d.Expected * 0.98, d.Expected * 1.02);
    }

    [Fact]
    public void A_power_law_has_the_tail_it_is_given()
    {
        var d = ValueDistribution.PowerLaw(1, 1_000_000, 1.5);
        var random = new SimRandom(9);
        double[] draws = [.. Enumerable.Range(0, 200_000).Select(_ => d.Sample(random))];
        double share10 = draws.Count(x => x > 10) / (double)draws.Length;
        double share100 = draws.Count(x => x > 100) / (double)draws.Length;
        Assert.InRange(share10 / share100, Math.Pow(10, 1.5) * 0.9, Math.Pow(10, 1.5) * 1.1); // P(X > x) ∝ x^−1.5
    }

    [Fact]
    public void A_maximum_below_the_allowed_range_is_named_by_its_field_path()
    {
        var leverage = ValueDistribution.Uniform(1, 0.5);
        var e = Assert.Throws<AgentConfigurationException>(() => leverage.Validate("agents[2].leverage", 1, 1_000));
        Assert.Equal("agents[2].leverage.max", e.Path);
        Assert.Equal("agents[2].leverage.max: must be in [1, 1000]; got 0.5", e.Message);
    }

    [Fact]
    public void A_fixed_value_outside_the_range_is_refused_and_a_power_law_needs_a_positive_minimum()
    {
        Assert.Equal("size", Assert.Throws<AgentConfigurationException>(() => ValueDistribution.Fixed(0).Validate("size", 1, 10)).Path);
        Assert.Equal("size.min", Assert.Throws<AgentConfigurationException>(() => ValueDistribution.PowerLaw(0, 10, 1.5).Validate("size", 0, 10)).Path);
        Assert.Equal("size.mean", Assert.Throws<AgentConfigurationException>(() => ValueDistribution.ExponentialFrom(0, 0, 5).Validate("size", 0, 10)).Path);
    }

    [Fact]
    public void Json_reads_a_number_as_fixed_and_an_object_with_its_fields()
    {
        Assert.Equal(ValueDistribution.Fixed(20), JsonSerializer.Deserialize<ValueDistribution>("20"));
        var d = JsonSerializer.Deserialize<ValueDistribution>("""{ "distribution": "powerLaw", "min": 1, "max": 500, "exponent": 2.5 }""");
        Assert.Equal(ValueDistribution.PowerLaw(1, 500, 2.5), d);
        var round = JsonSerializer.Deserialize<ValueDistribution>(JsonSerializer.Serialize(d));
        Assert.Equal(d, round);
    }

    [Theory]
    [InlineData("""{ "distribution": "gauss", "min": 1 }""", "unknown distribution 'gauss'")]
    [InlineData("""{ "distribution": "uniform", "low": 1 }""", "unknown field 'low'")]
    [InlineData("\"five\"", "must be a number or an object")]
    public void Json_refuses_unknown_shapes_and_fields_with_a_message_that_says_which(string json, string expected)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ValueDistribution>(json));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
