using System.Text.Json.Serialization;
using Microstructure.Agents.Validation;

namespace Microstructure.Agents.Randomness;

/// <summary>
/// A configurable random quantity (order sizes, price offsets, leverage, capital, cool-downs). In JSON either a plain
/// number (fixed) or an object: <c>{ "distribution": "powerLaw", "min": 1, "max": 500, "exponent": 1.5 }</c>.
/// </summary>
[JsonConverter(typeof(ValueDistributionConverter))]
public sealed record ValueDistribution
{
    /// <summary>The shape. Default <see cref="DistributionKind.Fixed"/>.</summary>
    public DistributionKind Distribution { get; init; }

    /// <summary>For <see cref="DistributionKind.Fixed"/>: the value.</summary>
    public double Value { get; init; }

    /// <summary>Lower bound (all shapes but fixed).</summary>
    public double Min { get; init; }

    /// <summary>Upper bound (all shapes but fixed; for exponential 0 means no cap).</summary>
    public double Max { get; init; }

    /// <summary>For <see cref="DistributionKind.PowerLaw"/>: the tail exponent α &gt; 0. Default 1.5.</summary>
    public double Exponent { get; init; } = 1.5;

    /// <summary>For <see cref="DistributionKind.Exponential"/>: the mean of the exponential part (&gt; 0).</summary>
    public double Mean { get; init; }

    /// <summary>A fixed value.</summary>
    public static ValueDistribution Fixed(double value) => new() { Distribution = DistributionKind.Fixed, Value = value };

    /// <summary>Uniform on [min, max].</summary>
    public static ValueDistribution Uniform(double min, double max) => new() { Distribution = DistributionKind.Uniform, Min = min, Max = max };

    /// <summary>Log-uniform on [min, max].</summary>
    public static ValueDistribution LogUniform(double min, double max) => new() { Distribution = DistributionKind.LogUniform, Min = min, Max = max };

    /// <summary>Truncated Pareto on [min, max] with tail exponent α.</summary>
    public static ValueDistribution PowerLaw(double min, double max, double exponent) =>
        new() { Distribution = DistributionKind.PowerLaw, Min = min, Max = max, Exponent = exponent };

    /// <summary>min + Exp(mean), capped at max (0 = no cap).</summary>
    public static ValueDistribution ExponentialFrom(double min, double mean, double max = 0) =>
        new() { Distribution = DistributionKind.Exponential, Min = min, Mean = mean, Max = max };

    /// <summary>The smallest value a draw can take.</summary>
    public double Lowest => Distribution == DistributionKind.Fixed ? Value : Min;

    /// <summary>The largest value a draw can take (∞ for an uncapped exponential).</summary>
    public double Highest => Distribution switch
    {
        DistributionKind.Fixed => Value,
        DistributionKind.Exponential when Max <= 0 => double.PositiveInfinity,
        _ => Max,
    };

    /// <summary>The mean of a draw (exact for every shape; used for sizing and documentation).</summary>
    public double Expected => Distribution switch
    {
        DistributionKind.Fixed => Value,
        DistributionKind.Uniform => (Min + Max) / 2,
        DistributionKind.LogUniform => Max > Min ? (Max - Min) / Math.Log(Max / Min) : Min,
        DistributionKind.PowerLaw => PowerLawMean(),
        _ => Max > 0 ? Min + (Mean * (1 - Math.Exp(-(Max - Min) / Mean))) : Min + Mean,
    };

    /// <summary>One draw.</summary>
    /// <param name="random">The stream to draw from.</param>
    public double Sample(SimRandom random)
    {
        switch (Distribution)
        {
            case DistributionKind.Fixed:
                return Value;
            case DistributionKind.Uniform:
                return random.NextUniform(Min, Max);
            case DistributionKind.LogUniform:
                return Math.Exp(random.NextUniform(Math.Log(Min), Math.Log(Max)));
            case DistributionKind.PowerLaw:
                // Inverse CDF of the Pareto(α) truncated to [min, max].
                double tail = 1 - Math.Pow(Min / Max, Exponent);
                return Math.Min(Max, Min * Math.Pow(1 - (random.NextDouble() * tail), -1 / Exponent));
            default:
                double x = Min + random.NextExponential(Mean);
                return Max > 0 ? Math.Min(x, Max) : x;
        }
    }

    /// <summary>One draw rounded to a whole number (half away from zero).</summary>
    public long SampleWhole(SimRandom random) => (long)Math.Round(Sample(random), MidpointRounding.AwayFromZero);

    /// <summary>
    /// Checks the parameters, and that every draw lies in [<paramref name="lowest"/>, <paramref name="highest"/>];
    /// throws <see cref="AgentConfigurationException"/> naming the field (e.g. <c>agents[2].leverage.max</c>).
    /// </summary>
    /// <param name="path">Where the distribution sits.</param>
    /// <param name="lowest">Smallest admissible value.</param>
    /// <param name="highest">Largest admissible value.</param>
    public void Validate(string path, double lowest, double highest)
    {
        Require.That(Enum.IsDefined(Distribution), $"{path}.distribution", $"unknown distribution {Distribution}");
        if (Distribution == DistributionKind.Fixed)
        {
            Require.InRange(Value, lowest, highest, path);
            return;
        }

        Require.InRange(Min, lowest, highest, $"{path}.min");
        switch (Distribution)
        {
            case DistributionKind.Uniform:
                Require.InRange(Max, Math.Max(lowest, Min), highest, $"{path}.max");
                break;
            case DistributionKind.LogUniform:
                Require.Above(Min, 0, $"{path}.min");
                Require.InRange(Max, Math.Max(lowest, Min), highest, $"{path}.max");
                break;
            case DistributionKind.PowerLaw:
                Require.Above(Min, 0, $"{path}.min");
                Require.InRange(Max, Math.Max(lowest, Min), highest, $"{path}.max");
                Require.InRange(Exponent, 0.1, 10, $"{path}.exponent");
                break;
            default:
                Require.Above(Mean, 0, $"{path}.mean");
                Require.That(Max == 0 || (Max >= Min && Max <= highest), $"{path}.max",
                    $"must be 0 (no cap) or in [{Require.Format(Min)}, {Require.Format(highest)}]; got {Require.Format(Max)}");
                Require.That(Max > 0 || double.IsPositiveInfinity(highest), $"{path}.max", $"must cap the exponential at most at {Require.Format(highest)}");
                break;
        }
    }

    private double PowerLawMean()
    {
        if (Max <= Min)
        {
            return Min;
        }

        // E[X] of the Pareto(α) truncated to [a, b]: the density is α a^α x^(−α−1) / (1 − (a/b)^α).
        double a = Min, b = Max, alpha = Exponent;
        double norm = 1 - Math.Pow(a / b, alpha);
        if (Math.Abs(alpha - 1) < 1e-12)
        {
            return a * Math.Log(b / a) / norm;
        }

        return alpha * Math.Pow(a, alpha) / (alpha - 1) * (Math.Pow(a, 1 - alpha) - Math.Pow(b, 1 - alpha)) / norm;
    }
}
