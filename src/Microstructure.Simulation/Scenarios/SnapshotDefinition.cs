namespace Microstructure.Simulation.Scenarios;

/// <summary>Periodic L2 snapshots for the recorders (scenario field <c>snapshot</c>).</summary>
public sealed record SnapshotDefinition
{
    /// <summary>Seconds between snapshots; 0 = none. Default 1.</summary>
    public double IntervalSeconds { get; init; } = 1;

    /// <summary>Levels per side. Default 20.</summary>
    public int Depth { get; init; } = 20;
}
