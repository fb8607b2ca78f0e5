using Microstructure.Simulation.Scenarios;

namespace Microstructure.Runner.Comparison;

/// <summary>
/// The seeds of a design comparison. A comparison itself is a sweep without parameters (<c>Sweeps.SweepRunner</c>,
/// <c>micro compare</c>); its statistics are <c>Analysis.Sweeps.SweepStatistics</c>.
/// </summary>
public static class DesignComparison
{
    /// <summary>
    /// The first <paramref name="count"/> seeds of <paramref name="scenario"/>: its <c>seeds</c> list, continued with
    /// consecutive seeds after the last when the list is shorter.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static IReadOnlyList<long> SeedsFor(Scenario scenario, int count)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var seeds = scenario.Seeds.Distinct().Take(count).ToList();
        long next = seeds[^1];
        while (seeds.Count < count)
        {
            next++;
            if (!seeds.Contains(next))
            {
                seeds.Add(next);
            }
        }

        return seeds;
    }
}
