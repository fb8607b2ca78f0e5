using Microstructure.Simulation.Kernel;

namespace Microstructure.PerfTests;

/// <summary>The <c>kernel</c> mode's Markdown table: simulation speed in direct and pipelined mode.</summary>
internal static class KernelThroughputTable
{
    public static void Print(double simulatedSeconds, int repeats, IReadOnlyList<KernelMode> modes, string file = "calm.json")
    {
        var scenario = KernelThroughput.Scenario(simulatedSeconds, file);
        Console.WriteLine($"## Simulation kernel: {scenario.Name}, {simulatedSeconds:N0} simulated s, seed {scenario.Definition.Seed}, no observer ({repeats} runs per mode)");
        Console.WriteLine();
        Console.WriteLine("events = agent wake-ups that ran + commands that reached the exchange + exchange events delivered to agents (`KernelCounters.KernelEvents`); exchange events emitted are counted beside them.");
        Console.WriteLine();
        Console.WriteLine($"| mode | agents | simulated s | wake-ups | arrivals | deliveries | events | exchange events | wall s (best / median) | best M events/s | median M events/s | median M exchange events/s | bytes allocated/event | GCs ({repeats} runs) | CPU ns/event (median) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        KernelThroughput.Result? first = null;
        var verdicts = new List<string>();
        foreach (var mode in modes)
        {
            var r = KernelThroughput.Run(scenario, mode, repeats);
            var c = r.Counters;
            Console.WriteLine(
                $"| {mode.ToString().ToLowerInvariant()} | {r.Agents:N0} | {r.SimulatedSeconds:N0} | {c.Wakes:N0} | {c.Arrivals:N0} | {c.Deliveries:N0} | {c.KernelEvents:N0} | {c.ExchangeEvents:N0} | {r.BestWallSeconds:F2} / {r.MedianWallSeconds:F2} | {r.BestEventsPerSecond / 1e6:F2} | {r.MedianEventsPerSecond / 1e6:F2} | {r.MedianExchangeEventsPerSecond / 1e6:F2} | {r.BytesPerEvent:F2} | {r.GcCollections} | {r.MedianCpuNanosPerEvent:F0} |");
            if (first is not null && first.Counters != r.Counters)
            {
                throw new InvalidOperationException($"{r.Mode} counted {r.Counters}, {first.Mode} {first.Counters}: the modes should run the same simulation.");
            }

            first ??= r;
            if (file != "calm.json")
            {
                continue; // the target is set on calm.json x2
            }

            verdicts.Add(PerfTargets.KernelMedian.Line(r.MedianEventsPerSecond / 1e6, $"{mode.ToString().ToLowerInvariant()} mode"));
        }

        Console.WriteLine();
        if (modes.Count > 1)
        {
            Console.WriteLine("Both modes ran the same simulation (identical counters).");
        }

        foreach (string verdict in verdicts)
        {
            Console.WriteLine(verdict);
            Console.WriteLine();
        }

        Console.WriteLine("For scale: ABIDES reaches 22.5k messages/s on 2 vCPU.");
        Console.WriteLine();
    }
}
