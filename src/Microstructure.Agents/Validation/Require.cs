using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Microstructure.Agents.Validation;

/// <summary>Validation helpers: each throws <see cref="AgentConfigurationException"/> naming the field path and the value.</summary>
public static class Require
{
    /// <summary>Throws unless <paramref name="condition"/> holds.</summary>
    /// <param name="condition">What must be true.</param>
    /// <param name="path">Field path.</param>
    /// <param name="problem">What is wrong when it is false.</param>
    public static void That([DoesNotReturnIf(false)] bool condition, string path, string problem)
    {
        if (!condition)
        {
            throw new AgentConfigurationException(path, problem);
        }
    }

    /// <summary><paramref name="value"/> must be finite and ≥ <paramref name="min"/>.</summary>
    public static void AtLeast(double value, double min, string path)
    {
        That(double.IsFinite(value) && value >= min, path, $"must be >= {Format(min)}; got {Format(value)}");
    }

    /// <summary><paramref name="value"/> must be finite and &gt; <paramref name="min"/>.</summary>
    public static void Above(double value, double min, string path)
    {
        That(double.IsFinite(value) && value > min, path, $"must be > {Format(min)}; got {Format(value)}");
    }

    /// <summary><paramref name="value"/> must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static void InRange(double value, double min, double max, string path)
    {
        That(double.IsFinite(value) && value >= min && value <= max, path, $"must be in [{Format(min)}, {Format(max)}]; got {Format(value)}");
    }

    /// <summary><paramref name="value"/> must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static void InRange(long value, long min, long max, string path)
    {
        That(value >= min && value <= max, path, $"must be in [{min}, {max}]; got {value}");
    }

    /// <summary>A value of an options record that must be present.</summary>
    public static void NotNull([NotNull] object? value, string path)
    {
        That(value is not null, path, "is required");
    }

    /// <summary>Invariant shortest form of a number for messages.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
