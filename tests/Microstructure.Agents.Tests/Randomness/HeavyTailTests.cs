using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Validation;

namespace Microstructure.Agents.Tests.Randomness;

/// <summary>The heavy-tailed shapes for position sizes with whales: pareto (censored at a cap) and log-normal.</summary>
public class HeavyTailTests
{
    private static readonly double[] Quantiles = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99];

    // Φ⁻¹ of the quantiles above.
    private static readonly double[] NormalQuantiles = [-1.2815515655, -0.6744897502, 0, 0.6744897502, 1.2815515655, 2.3263478740];

    [Fact]
    public void Pareto_sample_quantiles_match_the_analytic_ones_below_the_cap_and_the_cap_collects_the_tail()
    {
        var d = ValueDistribution.Pareto(100, 1.2, max: 100_000);
        double[] draws = Draws(d, 200_000, seed: 11);
        for (int i = 0; i < Quantiles.Length; i++)
        {
            double analytic = 100 * Math.Pow(1 - Quantiles[i], -1 / 1.2); // x_q = min (1 − q)^(−1/α)
            Assert.InRange(Empirical(draws, Quantiles[i]), analytic * 0.97, analytic * 1.03);
        }

        // P(X ≥ cap) = (min / cap)^α = 0.001^1.2 ≈ 2.5e−4: about 50 of 200,000 draws sit at the cap, none above.
        int atCap = draws.Count(x => x == 100_000);
        Assert.InRange(atCap, 25, 80);
        Assert.Equal(100_000, draws.Max());
        Assert.Equal(100, d.Lowest);
        Assert.Equal(100_000, d.Highest);
    }

    [Fact]
    public void Log_normal_sample_quantiles_match_the_analytic_ones()
    {
        var d = ValueDistribution.LogNormal(5_000, 1.2);
        double[] draws = Draws(d, 200_000, seed: 12);
        for (int i = 0; i < Quantiles.Length; i++)
        {
            double analytic = 5_000 * Math.Exp(1.2 * NormalQuantiles[i]); // median · e^(σ Φ⁻¹(q))
            Assert.InRange(Empirical(draws, Quantiles[i]), analytic * 0.97, analytic * 1.03);
        }
    }

    [Theory]
    [InlineData(2.5, 0)] // uncapped with a finite variance
    [InlineData(1.1, 10_000)]
    [InlineData(0.8, 50_000)] // α < 1: the uncapped mean is infinite; the cap makes it finite
    [InlineData(1.0, 20_000)]
    public void Pareto_sample_mean_matches_Expected(double alpha, double cap)
    {
        var d = ValueDistribution.Pareto(10, alpha, cap);
        double[] draws = Draws(d, 400_000, seed: 13);
        AssertMeanNear(draws, d.Expected);
    }

    [Theory]
    [InlineData(1_000, 1, 0, 0)]
    [InlineData(1_000, 1, 100, 20_000)]
    [InlineData(1_000, 2, 500, 5_000)]
    public void Log_normal_sample_mean_matches_Expected_with_and_without_clamps(double median, double sigma, double min, double max)
    {
        var d = ValueDistribution.LogNormal(median, sigma, min, max);
        double[] draws = Draws(d, 400_000, seed: 14);
        Assert.All(draws, x => Assert.InRange(x, d.Lowest, d.Highest));
        AssertMeanNear(draws, d.Expected);
    }

    [Fact]
    public void The_normal_cdf_is_accurate()
    {
        Assert.Equal(0.5, ValueDistribution.NormalCdf(0), 7);
        Assert.Equal(0.8413447461, ValueDistribution.NormalCdf(1), 6);
        Assert.Equal(0.0227501319, ValueDistribution.NormalCdf(-2), 6);
        Assert.Equal(0.9986501020, ValueDistribution.NormalCdf(3), 6);
    }

    /// <summary>
    /// For any parameters, the share of draws at or below the analytic q-quantile is q within 0.02 (by the DKW
    /// inequality a correct sampler fails this with probability 2·e^(−2·20000·0.02²) ≈ 2e−7 per case).
    /// </summary>
    [Fact]
    public void Empirical_cdfs_match_the_analytic_ones_for_any_parameters()
    {
        Prop.ForAll(
            Gen.Choose(1, 1000).ToArbitrary(),
            Gen.Choose(30, 500).ToArbitrary(),
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            (scale, alphaHundredths, seed) =>
            {
                double alpha = alphaHundredths / 100.0, sigma = ((seed % 296) + 5) / 100.0; // α in [0.3, 5], σ in [0.05, 3]
                double[] pareto = Draws(ValueDistribution.Pareto(scale, alpha), 20_000, (ulong)seed);
                double[] logNormal = Draws(ValueDistribution.LogNormal(scale, sigma), 20_000, (ulong)seed + 1);
                for (int i = 0; i < Quantiles.Length; i++)
                {
                    double q = Quantiles[i];
                    double paretoQ = scale * Math.Pow(1 - q, -1 / alpha);
                    double logNormalQ = scale * Math.Exp(sigma * NormalQuantiles[i]);
                    if (Math.Abs(Share(pareto, paretoQ) - q) > 0.02 || Math.Abs(Share(logNormal, logNormalQ) - q) > 0.02)
                    {
                        return false;
                    }
                }

                return true;
            }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(0, 1.5, 1_000, "capital.min")] // the scale must be positive
    [InlineData(10, 0, 1_000, "capital.exponent")]
    [InlineData(10, 20, 1_000, "capital.exponent")]
    [InlineData(10, 1.5, 5, "capital.max")] // cap below the scale
    [InlineData(10, 1.5, 0, "capital.max")] // capital has a finite range: the tail must be capped
    [InlineData(10, 1.5, 2e9, "capital.max")]
    public void Bad_pareto_parameters_are_named_by_their_field(double min, double alpha, double max, string path)
    {
        var e = Assert.Throws<AgentConfigurationException>(() => ValueDistribution.Pareto(min, alpha, max).Validate("capital", 0, 1_000_000_000));
        Assert.Equal(path, e.Path);
    }

    [Theory]
    [InlineData(0, 1, 0, 1_000, "capital.median")]
    [InlineData(100, 0, 0, 1_000, "capital.sigma")]
    [InlineData(100, 11, 0, 1_000, "capital.sigma")]
    [InlineData(100, 1, 200, 1_000, "capital.median")] // median under the floor
    [InlineData(100, 1, 0, 50, "capital.median")] // median over the cap
    [InlineData(100, 1, 0, 0, "capital.max")]
    [InlineData(100, 1, -1, 1_000, "capital.min")]
    public void Bad_log_normal_parameters_are_named_by_their_field(double median, double sigma, double min, double max, string path)
    {
        var e = Assert.Throws<AgentConfigurationException>(() => ValueDistribution.LogNormal(median, sigma, min, max).Validate("capital", 0, 1_000_000_000));
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void A_log_normal_leverage_needs_a_floor_in_the_leverage_range()
    {
        var e = Assert.Throws<AgentConfigurationException>(() => ValueDistribution.LogNormal(10, 0.5, 0, 100).Validate("agents[4].leverage", 1, 1_000));
        Assert.Equal("agents[4].leverage.min: must be in [1, 1000]; got 0", e.Message);
        ValueDistribution.LogNormal(10, 0.5, 1, 100).Validate("agents[4].leverage", 1, 1_000);
    }

    [Fact]
    public void Json_reads_both_spellings_and_round_trips()
    {
        var pareto = JsonSerializer.Deserialize<ValueDistribution>("""{ "distribution": "pareto", "scale": 50, "alpha": 1.3, "max": 2000000 }""");
        Assert.Equal(ValueDistribution.Pareto(50, 1.3, 2_000_000), pareto);
        Assert.Equal(pareto, JsonSerializer.Deserialize<ValueDistribution>("""{ "distribution": "pareto", "min": 50, "exponent": 1.3, "max": 2000000 }"""));
        Assert.Equal(pareto, JsonSerializer.Deserialize<ValueDistribution>(JsonSerializer.Serialize(pareto)));

        var logNormal = JsonSerializer.Deserialize<ValueDistribution>("""{ "distribution": "logNormal", "median": 400, "sigma": 1.1, "min": 50, "max": 100000 }""");
        Assert.Equal(ValueDistribution.LogNormal(400, 1.1, 50, 100_000), logNormal);
        Assert.Equal(logNormal, JsonSerializer.Deserialize<ValueDistribution>(JsonSerializer.Serialize(logNormal)));
        var fromMu = JsonSerializer.Deserialize<ValueDistribution>("""{ "distribution": "logNormal", "mu": 2, "sigma": 1 }""")!;
        Assert.Equal(Math.Exp(2), fromMu.Median, 12);
    }

    [Theory]
    [InlineData("""{ "distribution": "logNormal", "median": 5, "mu": 1, "sigma": 1 }""", "'mu' and 'median' set the same parameter")]
    [InlineData("""{ "distribution": "pareto", "min": 5, "scale": 5 }""", "'scale' and 'min' set the same parameter")]
    [InlineData("""{ "distribution": "pareto", "min": 5, "shape": 2 }""", "unknown field 'shape'")]
    public void Json_refuses_two_spellings_of_one_parameter(string json, string expected)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ValueDistribution>(json));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private static double[] Draws(ValueDistribution d, int n, ulong seed)
    {
        var random = new SimRandom(seed);
        var draws = new double[n];
        for (int i = 0; i < n; i++)
        {
            draws[i] = d.Sample(random);
        }

        return draws;
    }

    /// <summary>The sample mean lies within 4 standard errors of <paramref name="expected"/> (and within 5% of it).</summary>
    private static void AssertMeanNear(double[] draws, double expected)
    {
        double mean = draws.Average();
        double sd = Math.Sqrt(draws.Sum(x => (x - mean) * (x - mean)) / (draws.Length - 1));
        double tolerance = Math.Min(4 * sd / Math.Sqrt(draws.Length), 0.05 * expected);
        Assert.InRange(mean, expected - tolerance, expected + tolerance);
    }

    private static double Empirical(double[] draws, double q)
    {
        double[] sorted = [.. draws.Order()];
        return sorted[(int)(q * (sorted.Length - 1))];
    }

    private static double Share(double[] draws, double x) => draws.Count(d => d <= x) / (double)draws.Length;
}
