namespace Microstructure.Simulation.Scenarios;

/// <summary>What a design comparison runs by default (scenario field <c>comparison</c>).</summary>
public sealed record ComparisonDefinition
{
    /// <summary>The designs compared, each with its options.</summary>
    public IReadOnlyList<DesignDefinition> Designs { get; init; } = [];
}
