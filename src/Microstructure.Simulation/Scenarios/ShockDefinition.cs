using System.Text.Json.Serialization;

namespace Microstructure.Simulation.Scenarios;

/// <summary>An exogenous shock (scenario field <c>shocks[i]</c>); the JSON <c>kind</c> is <c>marketOrder</c> or <c>indexJump</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(MarketOrderShock), "marketOrder")]
[JsonDerivedType(typeof(IndexJumpShock), "indexJump")]
public abstract record ShockDefinition
{
    /// <summary>When it happens, seconds from the start.</summary>
    public double AtSeconds { get; init; }
}

/// <summary>A large market order sent by the shock account at <see cref="ShockDefinition.AtSeconds"/>.</summary>
public sealed record MarketOrderShock : ShockDefinition
{
    /// <summary><c>buy</c> or <c>sell</c>. Default sell.</summary>
    public Side Side { get; init; } = Side.Sell;

    /// <summary>Size in lots.</summary>
    public long Quantity { get; init; }
}

/// <summary>
/// A move of the fundamental value behind the index by <see cref="Relative"/> (−0.05 = 5% down): at once, or spread
/// evenly (in log) over <see cref="DurationSeconds"/> — news that other venues price in over minutes, as on 10 Oct 2025.
/// </summary>
public sealed record IndexJumpShock : ShockDefinition
{
    /// <summary>Relative change, in (−1, 10].</summary>
    public double Relative { get; init; }

    /// <summary>Seconds over which the move is spread (⌈duration⌉ equal log steps, evenly spaced); 0 = at once. Default 0.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>The move as steps of (time ns, relative): one step, or ⌈<see cref="DurationSeconds"/>⌉ evenly spaced ones.</summary>
    internal IEnumerable<(long TimeNs, double Relative)> Steps()
    {
        long start = Scenario.Nanos(AtSeconds);
        int steps = DurationSeconds > 0 ? (int)Math.Ceiling(DurationSeconds) : 1;
        double each = Math.Pow(1 + Relative, 1.0 / steps) - 1;
        for (int i = 0; i < steps; i++)
        {
            yield return (start + Scenario.Nanos(DurationSeconds * i / steps), each);
        }
    }
}
