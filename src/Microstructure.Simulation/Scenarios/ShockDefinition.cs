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

/// <summary>A jump of the fundamental value behind the index by <see cref="Relative"/> (−0.05 = 5% down).</summary>
public sealed record IndexJumpShock : ShockDefinition
{
    /// <summary>Relative change, in (−1, 10].</summary>
    public double Relative { get; init; }
}
