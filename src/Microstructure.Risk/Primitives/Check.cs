using System.Diagnostics.CodeAnalysis;

namespace Microstructure.Risk;

/// <summary>Validation helpers for options: each throws <see cref="RiskConfigurationException"/> naming the field path.</summary>
internal static class Check
{
    public static void That([DoesNotReturnIf(false)] bool condition, string path, string problem)
    {
        if (!condition)
        {
            throw new RiskConfigurationException(path, problem);
        }
    }

    public static long Rate(decimal value, string path, decimal min, decimal max, bool minInclusive = true, bool maxInclusive = true)
    {
        bool okMin = minInclusive ? value >= min : value > min;
        bool okMax = maxInclusive ? value <= max : value < max;
        if (!okMin || !okMax)
        {
            throw new RiskConfigurationException(path,
                $"must be in {(minInclusive ? "[" : "(")}{min}, {max}{(maxInclusive ? "]" : ")")}; got {value}");
        }

        return FixedPoint.ToRate(value);
    }

    public static long Cash(decimal value, string path, decimal min = 0)
    {
        if (value < min || value > 10_000_000_000m)
        {
            throw new RiskConfigurationException(path, $"must be in [{min}, 10000000000] (quote currency); got {value}");
        }

        return FixedPoint.ToCash(value);
    }

    /// <summary>Seconds (decimal, for JSON) to nanoseconds, rounded to the nearest nanosecond.</summary>
    public static long Seconds(decimal seconds, string path, bool allowZero)
    {
        if (seconds < 0 || (!allowZero && seconds == 0) || seconds > 315_360_000m)
        {
            throw new RiskConfigurationException(path, $"must be {(allowZero ? "≥ 0" : "> 0")} seconds and at most ten years; got {seconds}");
        }

        return (long)decimal.Round(seconds * 1_000_000_000m, MidpointRounding.AwayFromZero);
    }
}
