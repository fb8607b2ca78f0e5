using Microstructure.Simulation.Scenarios;

namespace Microstructure.Simulation.Running;

/// <summary>One run of a batch: a scenario and how to run it (seed, design, mode).</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Options">Seed, design and mode.</param>
public sealed record BatchJob(Scenario Scenario, RunOptions Options);
