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

    /// <summary>Lower bound (all shapes but fixed; for pareto the scale, for log-normal a floor, 0 = none).</summary>
    public double Min { get; init; }

    /// <summary>Upper bound (all shapes but fixed; for exponential, pareto and log-normal 0 means no cap).</summary>
    public double Max { get; init; }

    /// <summary>For <see cref="DistributionKind.PowerLaw"/> and <see cref="DistributionKind.Pareto"/>: the tail exponent α &gt; 0. Default 1.5.</summary>
    public double Exponent { get; init; } = 1.5;

    /// <summary>For <see cref="DistributionKind.LogNormal"/>: the median e^μ (&gt; 0).</summary>
    public double Median { get; init; }

    /// <summary>For <see cref="DistributionKind.LogNormal"/>: σ of the logarithm (&gt; 0).</summary>
    public double Sigma { get; init; }

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

    /// <summary>Pareto of scale <paramref name="min"/> and tail exponent <paramref name="alpha"/>, censored at <paramref name="max"/> (0 = no cap).</summary>
    public static ValueDistribution Pareto(double min, double alpha, double max = 0) =>
        new() { Distribution = DistributionKind.Pareto, Min = min, Exponent = alpha, Max = max };

    /// <summary>Log-normal of median <paramref name="median"/> and log-σ <paramref name="sigma"/>, clamped to [<paramref name="min"/>, <paramref name="max"/>] (max 0 = no cap).</summary>
    public static ValueDistribution LogNormal(double median, double sigma, double min = 0, double max = 0) =>
        new() { Distribution = DistributionKind.LogNormal, Median = median, Sigma = sigma, Min = min, Max = max };

    /// <summary>The smallest value a draw can take.</summary>
    public double Lowest => Distribution == DistributionKind.Fixed ? Value : Min;

    /// <summary>The largest value a draw can take (∞ for an uncapped exponential, pareto or log-normal).</summary>
    public double Highest => Distribution switch
    {
        DistributionKind.Fixed => Value,
        DistributionKind.Exponential or DistributionKind.Pareto or DistributionKind.LogNormal when Max <= 0 => double.PositiveInfinity,
        _ => Max,
    };

    /// <summary>The mean of a draw (exact for every shape; used for sizing and documentation).</summary>
    public double Expected => Distribution switch
    {
        DistributionKind.Fixed => Value,
        DistributionKind.Uniform => (Min + Max) / 2,
        DistributionKind.LogUniform => Max > Min ? (Max - Min) / Math.Log(Max / Min) : Min,
        DistributionKind.PowerLaw => PowerLawMean(),
        DistributionKind.Pareto => ParetoMean(),
        DistributionKind.LogNormal => LogNormalMean(),
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
            case DistributionKind.Pareto:
                // Inverse CDF: U in (0, 1] gives min · U^(−1/α) ≥ min; the cap censors.
                double pareto = Min * Math.Pow(random.NextOpenDouble(), -1 / Exponent);
                return Max > 0 ? Math.Min(pareto, Max) : pareto;
            case DistributionKind.LogNormal:
                double logNormal = Math.Max(Min, Median * Math.Exp(Sigma * random.NextNormal()));
                return Max > 0 ? Math.Min(logNormal, Max) : logNormal;
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
            case DistributionKind.Pareto:
                Require.Above(Min, 0, $"{path}.min");
                Require.InRange(Exponent, 0.1, 10, $"{path}.exponent");
                RequireCap(path, Min, highest, "pareto");
                break;
            case DistributionKind.LogNormal:
                Require.Above(Median, 0, $"{path}.median");
                Require.InRange(Sigma, 0.001, 10, $"{path}.sigma");
                Require.That(Median >= Min && (Max == 0 || Median <= Max), $"{path}.median",
                    $"must lie in [min, max] = [{Require.Format(Min)}, {Require.Format(Max == 0 ? double.PositiveInfinity : Max)}]; got {Require.Format(Median)}");
                RequireCap(path, Min, highest, "log-normal");
                break;
            default:
                Require.Above(Mean, 0, $"{path}.mean");
                Require.That(Max == 0 || (Max >= Min && Max <= highest), $"{path}.max",
                    $"must be 0 (no cap) or in [{Require.Format(Min)}, {Require.Format(highest)}]; got {Require.Format(Max)}");
                Require.That(Max > 0 || double.IsPositiveInfinity(highest), $"{path}.max", $"must cap the exponential at most at {Require.Format(highest)}");
                break;
        }
    }

    private static readonly double[] ErfcCoefficients =
        [-0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196, 1.00002368, -1.26551223];

    /// <summary>Standard normal CDF Φ(x) (erfc after Numerical Recipes, relative error &lt; 1.2e−7).</summary>
    internal static double NormalCdf(double x)
    {
        if (double.IsNegativeInfinity(x))
        {
            return 0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 1;
        }

        double z = Math.Abs(x) / Math.Sqrt(2);
        double t = 1 / (1 + (0.5 * z));
        double poly = 0.17087277;
        foreach (double c in ErfcCoefficients)
        {
            poly = c + (t * poly);
        }

        double erfc = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? 1 - (0.5 * erfc) : 0.5 * erfc;
    }

    private void RequireCap(string path, double min, double highest, string shape)
    {
        Require.That(Max == 0 || (Max >= min && Max <= highest), $"{path}.max",
            $"must be 0 (no cap) or in [{Require.Format(min)}, {Require.Format(highest)}]; got {Require.Format(Max)}");
        Require.That(Max > 0 || double.IsPositiveInfinity(highest), $"{path}.max", $"must cap the {shape} at most at {Require.Format(highest)}");
    }

    private double ParetoMean()
    {
        // E[min(X, M)] = ∫₀^M P(X > x) dx = m + ∫_m^M (m/x)^α dx.
        double m = Min, alpha = Exponent;
        if (Max <= 0)
        {
            return alpha > 1 ? alpha * m / (alpha - 1) : double.PositiveInfinity;
        }

        double cap = Max;
        if (cap <= m)
        {
            return cap;
        }

        return Math.Abs(alpha - 1) < 1e-12
            ? m + (m * Math.Log(cap / m))
            : m + (Math.Pow(m, alpha) * (Math.Pow(cap, 1 - alpha) - Math.Pow(m, 1 - alpha)) / (1 - alpha));
    }

    private double LogNormalMean()
    {
        // E[clamp(X, a, b)] = a·P(X < a) + ∫_a^b x f(x) dx + b·P(X > b); the partial expectation of a log-normal is
        // e^(μ + σ²/2) · [Φ((ln b − μ − σ²)/σ) − Φ((ln a − μ − σ²)/σ)].
        double mu = Math.Log(Median), s = Sigma;
        double lnA = Min > 0 ? Math.Log(Min) : double.NegativeInfinity;
        double lnB = Max > 0 ? Math.Log(Max) : double.PositiveInfinity;
        double below = Min > 0 ? Min * NormalCdf((lnA - mu) / s) : 0;
        double above = Max > 0 ? Max * (1 - NormalCdf((lnB - mu) / s)) : 0;
        double inside = Math.Exp(mu + (s * s / 2)) * (NormalCdf((lnB - mu - (s * s)) / s) - NormalCdf((lnA - mu - (s * s)) / s));
        return below + inside + above;
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
