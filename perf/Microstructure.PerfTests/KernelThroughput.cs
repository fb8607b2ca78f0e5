using System.Diagnostics;
using Microstructure.Simulation.Kernel;
using Microstructure.Simulation.Running;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.PerfTests;

/// <summary>
/// Speed of the whole discrete-event simulation (kernel + agents + exchange) on the calm scenario with every agent
/// population multiplied, so that well over 1,000 agents take part. No observer: what is timed is the simulation
/// itself, not a recorder.
/// </summary>
/// <remarks>
/// "Events" are <see cref="KernelCounters.KernelEvents"/>: agent wake-ups that ran, commands that reached the
/// exchange (agents' orders plus the kernel's snapshot, tick and index commands) and exchange events handed to an
/// agent's inbox — the kernel's own unit of work, comparable to the messages of an agent-based simulator such as
/// ABIDES. The exchange events emitted (trades, book updates, acks…) are reported beside them, not added.
/// </remarks>
internal static class KernelThroughput
{
    /// <summary>Every population of calm.json is multiplied by this: 568 agents × 2 = 1,136.</summary>
    public const int PopulationScale = 2;

    /// <summary>One measured configuration.</summary>
    public sealed record Result(
        KernelMode Mode,
        int Agents,
        double SimulatedSeconds,
        KernelCounters Counters,
        double BestWallSeconds,
        double MedianWallSeconds,
        double BytesPerEvent,
        int GcCollections,
        int Runs,
        double MedianCpuSeconds)
    {
        /// <summary>The process's CPU time per event, median run (ns): less sensitive to other load than the wall time.</summary>
        public double MedianCpuNanosPerEvent => MedianCpuSeconds * 1e9 / Counters.KernelEvents;

        public double BestEventsPerSecond => Counters.KernelEvents / BestWallSeconds;

        public double MedianEventsPerSecond => Counters.KernelEvents / MedianWallSeconds;

        public double MedianExchangeEventsPerSecond => Counters.ExchangeEvents / MedianWallSeconds;
    }

    /// <summary>
    /// calm.json (or another shipped scenario, <paramref name="file"/>) with every population
    /// <see cref="PopulationScale"/> times larger, for <paramref name="durationSeconds"/>.
    /// </summary>
    public static Scenario Scenario(double durationSeconds, string file = "calm.json")
    {
        var shipped = ScenarioLoader.Load(ShippedScenario(file));
        var definition = shipped.Definition with
        {
            Name = $"{shipped.Definition.Name} x{PopulationScale}",
            DurationSeconds = durationSeconds,
            Agents = [.. shipped.Definition.Agents.Select(a => a with { Count = a.Count * PopulationScale })],
        };
        return ScenarioLoader.FromDefinition(definition, $"{file} (populations x{PopulationScale})");
    }

    /// <summary>A shipped scenario, copied next to the harness at build time.</summary>
    public static string ShippedScenario(string name) => Path.Combine(AppContext.BaseDirectory, "data", "scenarios", name);

    /// <summary>Runs the scenario <paramref name="repeats"/> times (after one short warm-up run) and keeps the best and median wall time.</summary>
    public static Result Run(Scenario scenario, KernelMode mode, int repeats)
    {
        // Warm-up: one whole run outside the measurement, so that tiered compilation (with PGO) has moved every hot
        // method to optimised code; a run a tenth as long left the exchange's Process in tier 0 for the first run.
        using (var warmup = new SimulationRun(scenario, new RunOptions { Mode = mode }))
        {
            warmup.Execute();
        }

        var walls = new List<double>(repeats);
        var cpus = new List<double>(repeats);
        KernelCounters counters = default;
        long allocated = 0;
        int gcs = 0;
        int agents = 0;
        for (int r = 0; r < repeats; r++)
        {
            using var run = new SimulationRun(scenario, new RunOptions { Mode = mode });
            agents = run.Agents.Count;
            GC.Collect();
            GC.WaitForPendingFinalizers();

            // Whole-process allocation: in pipelined mode the exchange runs on its own thread.
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            int gcBefore = GcCount();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            var result = run.Execute();
            walls.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            gcs += GcCount() - gcBefore;
            allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            if (r > 0 && result.Counters != counters)
            {
                throw new InvalidOperationException($"Run {r} counted {result.Counters}, run 0 {counters}: the simulation is not deterministic.");
            }

            counters = result.Counters;
        }

        walls.Sort();
        cpus.Sort();
        return new Result(
            mode,
            agents,
            scenario.DurationNs / 1e9,
            counters,
            walls[0],
            walls[walls.Count / 2],
            (double)allocated / ((double)counters.KernelEvents * repeats),
            gcs,
            repeats,
            cpus[cpus.Count / 2]);
    }

    private static int GcCount() => GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
}
