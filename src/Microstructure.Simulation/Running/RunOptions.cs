using Microstructure.Simulation.Kernel;

namespace Microstructure.Simulation.Running;

/// <summary>How to run a scenario once.</summary>
public sealed record RunOptions
{
    /// <summary>The seed; null = the scenario's <c>seed</c>.</summary>
    public long? Seed { get; init; }

    /// <summary>A design name to run instead of the scenario's (its options from the scenario when it names it, else defaults).</summary>
    public string? Design { get; init; }

    /// <summary>Direct (default) or pipelined.</summary>
    public KernelMode Mode { get; init; } = KernelMode.Direct;

    /// <summary>Simulated duration override in seconds (tests and quick runs); null = the scenario's.</summary>
    public double? DurationSeconds { get; init; }
}
