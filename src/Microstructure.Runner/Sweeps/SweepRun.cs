using Microstructure.Simulation.Scenarios;

namespace Microstructure.Runner.Sweeps;

/// <summary>
/// One run of a sweep: a point of the grid, a design and a seed, on a scenario. Its <see cref="Key"/> hashes all of
/// them and the scenario file's bytes, so a run's directory is named by what it ran — never by when or in what order.
/// </summary>
internal sealed record SweepRun(string Key, IReadOnlyList<KeyValuePair<string, string>> Point, string Design, long Seed, Scenario Scenario)
{
    /// <summary>The key of (file content, point, design, seed, duration): 16 hex digits of SHA-256.</summary>
    public static string KeyOf(byte[] scenarioBytes, IReadOnlyList<KeyValuePair<string, string>> point, string design, long seed, double? duration, string modelDigest = "") =>
        Catalog.RunKey.Of(scenarioBytes, point, design, seed, duration, modelDigest);
}
