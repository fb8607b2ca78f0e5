using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using HdrHistogram;
using Microstructure.Simulation.Kernel;
using Microstructure.Workloads;

namespace Microstructure.PerfTests;

/// <summary>Command-line entry of the throughput/latency harness; prints Markdown tables for docs/performance.md.</summary>
internal static class Harness
{
    private const string Usage = """
        Microstructure throughput/latency harness (run in Release).

        usage: dotnet run -c Release --project perf/Microstructure.PerfTests -- <mode>

        modes:
          quick    a short pass over every measurement (< 1 minute), the kernel's (direct) included; the README's main job
          ring     ring 1P-1C, 100M struct events, two cores and one core, vs System.Threading.Channels
          ring-batch  ring 1P-1C across cores, batch 1 and batch 16 in alternating rounds (7 x 20M events each;
                   "ring-batch ROUNDS EVENTS"): per-round figures, medians and the median per-round ratio
          engine   matching engine alone on exchange-core's mix (5M commands x 5 runs)
          e2e      producer -> input ring -> engine -> output ring -> journal, latency percentiles at
                   125K, 250K, 500K, 1M, 2M, 5M offered ops/s, beside the ring's one-hop floor
          memory   bytes per resting order with 1M resting orders
          replay   LOBSTER replay from disk (parse + apply), 10M synthetic messages x 3 runs (not in quick/all);
                   MS_REPLAY_MESSAGES / MS_REPLAY_RUNS change both (short A/B rounds); wall and CPU-time rates
          risk     risk inline: mark updates over 1M leveraged positions, a 100K-liquidation cascade in one command
          risk-e2e end to end with risk inline, and percentiles during a burst of liquidations
          kernel   simulation speed: calm.json with every population doubled (1,136 agents), 600 simulated s,
                   direct and pipelined, 5 runs each (MS_KERNEL_QUICK=1: 300 s, 3 runs; quick runs that, direct only); "kernel direct" or
                   "kernel pipelined" runs one mode only (for a profiler); MS_KERNEL_SECONDS, MS_KERNEL_RUNS set
                   the simulated seconds and the number of timed runs, MS_KERNEL_SCENARIO another shipped
                   scenario (e.g. leveraged-cascade.json; populations doubled too)
          realism  calm.json for each of its seeds: stylized facts and square-root impact fit (docs/realism.md);
                   "realism ablations" adds calm.json without volatility bursts and without the market-order cap
          all      ring, engine, e2e and memory
          check    the short form of every measurement with a target (about 20 s): per figure the documented
                   value (docs/performance.md) and the one measured now, each met or missed, with the load average,
                   the host probe and the commit
          probe    the host probe alone ("probe N": N readings, 5 s apart): ns per cache-missing load and per
                   xorshift step, which say whether the shared host is in a fast or a slow minute
        """;

    private const double QuickKernelSeconds = 300;
    private const int QuickKernelRuns = 3;

    public static int Run(string[] args)
    {
        string mode = args.Length > 0 ? args[0] : "quick";
        if (mode is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return 0;
        }

        if (mode == "check")
        {
            return PerfCheck.Run();
        }

        if (mode == "probe")
        {
            int readings = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 1;
            for (var i = 0; i < readings; i++)
            {
                if (i > 0)
                {
                    Thread.Sleep(5_000);
                }

                Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} UTC, load average {LoadAverage()}, {HostProbe.Measure()}");
            }

            return 0;
        }

        if (mode == "replay")
        {
            PrintMachine();
            // MS_REPLAY_MESSAGES / MS_REPLAY_RUNS: a shorter form for A/B rounds (defaults 10,000,000 x 3).
            ReplayThroughputTable.Print(EnvInt("MS_REPLAY_MESSAGES") ?? 10_000_000, EnvInt("MS_REPLAY_RUNS") ?? 3);
            return 0;
        }

        if (mode == "kernel")
        {
            bool brief = Environment.GetEnvironmentVariable("MS_KERNEL_QUICK") == "1";
            KernelMode[] modes = [KernelMode.Direct, KernelMode.Pipelined];
            if (args.Length > 1)
            {
                if (!Enum.TryParse(args[1], ignoreCase: true, out KernelMode only) || !Enum.IsDefined(only))
                {
                    Console.Error.WriteLine($"error: unknown kernel mode '{args[1]}'; use direct or pipelined.");
                    return 2;
                }

                modes = [only];
            }

            // MS_KERNEL_SECONDS / MS_KERNEL_RUNS override the length and the number of timed runs, e.g. for
            // `perf stat -e instructions` at 600 s and 1,800 s (docs/performance.md, simulation kernel).
            double seconds = EnvNumber("MS_KERNEL_SECONDS") ?? (brief ? QuickKernelSeconds : 600);
            int runs = (int)(EnvNumber("MS_KERNEL_RUNS") ?? (brief ? QuickKernelRuns : 5));
            PrintMachine();
            KernelThroughputTable.Print(seconds, runs, modes, Environment.GetEnvironmentVariable("MS_KERNEL_SCENARIO") ?? "calm.json");
            return 0;
        }

        if (mode == "realism" && args.Length > 1 && args[1] == "cascade")
        {
            // realism cascade [SCENARIO [DESIGN]]: the default scenario's cascade dynamics for seeds 1–5.
            string file = args.Length > 2 ? args[2] : KernelThroughput.ShippedScenario("leveraged-cascade.json");
            PrintMachine();
            CascadeRealismTable.Print(file, args.Length > 3 ? args[3] : null);
            return 0;
        }

        if (mode == "realism")
        {
            if (args.Length > 1 && args[1] != "ablations")
            {
                Console.Error.WriteLine($"error: unknown realism option '{args[1]}'; expected ablations or cascade.");
                return 2;
            }

            PrintMachine();
            RealismTable.Print(ablations: args.Length > 1);
            return 0;
        }

        if (mode == "ring-batch")
        {
            PrintMachine();
            RingBatch(
                args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7,
                args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 20_000_000);
            return 0;
        }

        bool quick = mode == "quick";
        if (mode is "risk" or "risk-e2e")
        {
            PrintMachine();
            RiskHarness.Run(mode);
            return 0;
        }

        if (mode is not ("quick" or "ring" or "engine" or "e2e" or "memory" or "all"))
        {
            Console.Error.WriteLine($"error: unknown mode '{mode}'. Run with --help for the list of modes.");
            return 2;
        }

        PrintMachine();
        if (quick || mode is "ring" or "all")
        {
            Ring(quick ? 20_000_000 : 100_000_000, quick ? 5_000_000 : 20_000_000);
        }

        if (quick || mode is "engine" or "all")
        {
            // MS_ENGINE_COMMANDS / MS_ENGINE_RUNS shorten the run for an instruction counter (valgrind), see docs/performance.md.
            Engine(
                EnvInt("MS_ENGINE_COMMANDS") ?? (quick ? 1_000_000 : 5_000_000),
                EnvInt("MS_ENGINE_RUNS") ?? (quick ? 3 : 5));
        }

        if (quick || mode is "e2e" or "all")
        {
            EndToEnd(quick ? [250_000, 1_000_000] : [125_000, 250_000, 500_000, 1_000_000, 2_000_000, 5_000_000], quick ? 0.5 : 2.0, journalThread: !quick);
        }

        if (quick || mode is "memory" or "all")
        {
            Memory(1_000_000);
        }

        if (quick)
        {
            // The kernel mode's short form, direct only: about 3 s. The pipelined mode's yielding threads make it
            // several times slower whenever other work holds the two cores (10 s with both at load average 3).
            KernelThroughputTable.Print(QuickKernelSeconds, QuickKernelRuns, [KernelMode.Direct]);
        }

        return 0;
    }

    private static double? EnvNumber(string name) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.CultureInfo.InvariantCulture, out double value) && value > 0
            ? value
            : null;


    private static void PrintMachine()
    {
        Console.WriteLine("## Machine");
        Console.WriteLine();
        Console.WriteLine($"- {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}");
        Console.WriteLine($"- CPU: {CpuModel()}");
        Console.WriteLine($"- GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, concurrent={GCSettings.LatencyMode != GCLatencyMode.Batch}; run at {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average at start {LoadAverage()}");
        Console.WriteLine($"- {HostProbe.Measure()}");
        Console.WriteLine();
    }

    /// <summary>The 1/5/15-minute load averages: on this shared machine they say how much the figures were disturbed.</summary>
    internal static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return fields.Length >= 3 ? $"{fields[0]} / {fields[1]} / {fields[2]}" : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static void Ring(long events, long channelEvents)
    {
        Console.WriteLine($"## Ring 1P-1C ({events:N0} struct events, {RingThroughput.RingSize:N0}-slot ring)");
        Console.WriteLine();
        Console.WriteLine("| transport | placement | wait | producer batch | events | M events/s | GCs | checksum |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        RingThroughput.RunRing(events / 10, 0, 1, 1, busySpin: true); // warm-up: JIT and page-in
        var results = new List<(string Transport, string Placement, string Wait, int Batch, Measurement M)>
        {
            ("ring", "two cores (0,1)", "busy-spin", 1, RingThroughput.RunRing(events, 0, 1, 1, busySpin: true)),
            ("ring", "two cores (0,1)", "busy-spin", 16, RingThroughput.RunRing(events, 0, 1, 16, busySpin: true)),
            ("ring", "one core (0,0)", "yielding", 1, RingThroughput.RunRing(events, 0, 0, 1, busySpin: false)),
            ("ring", "one core (0,0)", "yielding", 16, RingThroughput.RunRing(events, 0, 0, 16, busySpin: false)),
        };
        RingThroughput.RunChannel(channelEvents / 10, 0, 1);
        results.Add(("Channel (bounded, SPSC)", "two cores (0,1)", "async", 1, RingThroughput.RunChannel(channelEvents, 0, 1)));
        results.Add(("Channel (bounded, SPSC)", "one core (0,0)", "async", 1, RingThroughput.RunChannel(channelEvents, 0, 0)));
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Transport} | {r.Placement} | {r.Wait} | {r.Batch} | {r.M.Events:N0} | {r.M.PerSecond / 1e6:F1} | {r.M.GcCollections} | {(r.M.ChecksumOk ? "ok" : "MISMATCH")} |");
        }

        double ring = results[0].M.PerSecond;
        double channel = results[4].M.PerSecond;
        Console.WriteLine();
        Console.WriteLine($"Ring vs Channel across two cores, batch 1: {ring / channel:F1}x");
        Console.WriteLine();
        Console.WriteLine(PerfTargets.RingBatch.Line(results[1].M.PerSecond / ring));
        Console.WriteLine();
        Console.WriteLine(PerfTargets.RingVsChannel.Line(ring / channel));
        Console.WriteLine();
    }

    /// <summary>
    /// Batch 1 and batch 16 across cores in alternating rounds, so that a load that comes and goes hits both alike:
    /// the median of the per-round ratios is the figure to compare on a shared machine.
    /// </summary>
    private static void RingBatch(int rounds, long events)
    {
        Console.WriteLine($"## Ring 1P-1C across cores (0,1), busy-spin, batch 1 vs 16 alternating ({rounds} rounds x {events:N0} events)");
        Console.WriteLine();
        Console.WriteLine("| round | batch 1 M/s | batch 16 M/s | ratio |");
        Console.WriteLine("|---|---|---|---|");
        RingThroughput.RunRing(events / 10, 0, 1, 1, busySpin: true); // warm-up: JIT and page-in
        RingThroughput.RunRing(events / 10, 0, 1, 16, busySpin: true);
        var one = new List<double>();
        var sixteen = new List<double>();
        var ratios = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            var a = RingThroughput.RunRing(events, 0, 1, 1, busySpin: true);
            var b = RingThroughput.RunRing(events, 0, 1, 16, busySpin: true);
            if (!a.ChecksumOk || !b.ChecksumOk)
            {
                throw new InvalidOperationException("ring checksum mismatch");
            }

            one.Add(a.PerSecond);
            sixteen.Add(b.PerSecond);
            ratios.Add(b.PerSecond / a.PerSecond);
            Console.WriteLine($"| {r + 1} | {a.PerSecond / 1e6:F1} | {b.PerSecond / 1e6:F1} | {b.PerSecond / a.PerSecond:F2} |");
        }

        static double Median(List<double> values)
        {
            values.Sort();
            return values[values.Count / 2];
        }

        Console.WriteLine($"| median | {Median(one) / 1e6:F1} | {Median(sixteen) / 1e6:F1} | {Median(ratios):F2} |");
        Console.WriteLine();

        // Both threads on one core (yielding waits): no cache-line traffic between cores, so events per CPU-second
        // measure what the claim/publish/consume path itself costs, and move little with other load on the machine.
        Console.WriteLine("One core (0,0), yielding, events per CPU-second of the process (the code path's own cost):");
        Console.WriteLine();
        Console.WriteLine("| round | batch 1 M/CPU-s | batch 16 M/CPU-s | ratio |");
        Console.WriteLine("|---|---|---|---|");
        var cpuOne = new List<double>();
        var cpuSixteen = new List<double>();
        var cpuRatios = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            var a = RingThroughput.RunRing(events, 0, 0, 1, busySpin: false);
            var b = RingThroughput.RunRing(events, 0, 0, 16, busySpin: false);
            cpuOne.Add(a.PerCpuSecond);
            cpuSixteen.Add(b.PerCpuSecond);
            cpuRatios.Add(b.PerCpuSecond / a.PerCpuSecond);
            Console.WriteLine($"| {r + 1} | {a.PerCpuSecond / 1e6:F1} | {b.PerCpuSecond / 1e6:F1} | {b.PerCpuSecond / a.PerCpuSecond:F2} |");
        }

        Console.WriteLine($"| median | {Median(cpuOne) / 1e6:F1} | {Median(cpuSixteen) / 1e6:F1} | {Median(cpuRatios):F2} |");
        Console.WriteLine();
        Console.WriteLine(PerfTargets.RingBatch.Line(Median(ratios)));
        Console.WriteLine();
    }

    private static int? EnvInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    private static void Engine(int commands, int repeats)
    {
        Console.WriteLine($"## Engine alone, one thread, exchange-core mix ({commands:N0} commands x {repeats} runs)");
        Console.WriteLine();
        var (seed, stream) = ExchangeCoreMix.Generate(seed: 42, commands);
        var result = EngineThroughput.Run(seed, stream, repeats);
        Console.WriteLine("| commands | best M ops/s | median M ops/s | median M ops per CPU-second | bytes allocated/op | GCs | trades |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {result.Commands:N0} | {result.BestOpsPerSecond / 1e6:F1} | {result.MedianOpsPerSecond / 1e6:F1} | {result.MedianOpsPerCpuSecond / 1e6:F1} | {result.BytesPerOp:F3} | {result.GcCollections} | {result.Trades:N0} |");
        Console.WriteLine();
        Console.WriteLine(PerfTargets.EngineMedian.Line(result.MedianOpsPerSecond / 1e6));
        Console.WriteLine();
        Console.WriteLine(PerfTargets.EngineBytes.Line(result.BytesPerOp));
        Console.WriteLine();
    }

    private static void EndToEnd(long[] rates, double secondsPerRate, bool journalThread)
    {
        Console.WriteLine($"## End to end: producer -> input ring -> engine -> output ring -> journal ({secondsPerRate} s per rate)");
        Console.WriteLine();
        Console.WriteLine("Open loop: command i is due at start + i/rate and its latency runs from that due time to its first journaled event (coordinated omission corrected by construction). µs. Journal to Stream.Null. Each pipeline row follows the floor of its own thread placement at the same rate:");
        Console.WriteLine("- *client polls* (2 threads): client on core 0 paces commands and polls the output ring (journal + latency) while it waits; business logic busy-spins on core 1. Floor: ring round trip 0→1→0.");
        if (journalThread)
        {
            Console.WriteLine("- *journal thread* (3 threads on 2 cores): producer on core 0; business logic and a journal thread share core 1 (yielding waits). Floor: ring one hop 0→1.");
        }

        Console.WriteLine();
        int maxCommands = (int)(rates.Max() * secondsPerRate);
        var (seed, stream) = ExchangeCoreMix.Generate(seed: 7, maxCommands);
        Console.WriteLine("| path | offered ops/s | achieved ops/s | p50 | p90 | p99 | p99.9 | p99.99 | max | GCs |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        var warmup = stream[..Math.Min(stream.Length, 300_000)];
        EndToEndLatency.RunRoundTripFloor(warmup.Length, 1_000_000);
        EndToEndLatency.RunClientPolls(seed, warmup, 1_000_000);
        foreach (long rate in rates)
        {
            int count = (int)(rate * secondsPerRate);
            PrintLatencyRow(EndToEndLatency.RunRoundTripFloor(count, rate));
            PrintLatencyRow(EndToEndLatency.RunClientPolls(seed, stream[..count], rate));
            if (journalThread)
            {
                PrintLatencyRow(EndToEndLatency.RunOneHopFloor(count, rate));
                PrintLatencyRow(EndToEndLatency.RunJournalThread(seed, stream[..count], rate));
            }
        }

        Console.WriteLine();
    }

    private static void PrintLatencyRow(EndToEndLatency.Result r)
    {
        var h = r.Histogram;
        static string Us(long nanos) => (nanos / 1000.0).ToString("F2", CultureInfo.InvariantCulture);
        string clamped = r.Clamped > 0 ? $" ({r.Clamped:N0} clamped at 60 s)" : "";
        Console.WriteLine(
            $"| {r.Name} | {r.OfferedRate:N0} | {r.AchievedRate:N0} | {Us(h.GetValueAtPercentile(50))} | {Us(h.GetValueAtPercentile(90))} | {Us(h.GetValueAtPercentile(99))} | {Us(h.GetValueAtPercentile(99.9))} | {Us(h.GetValueAtPercentile(99.99))} | {Us(h.GetMaxValue())}{clamped} | {r.GcCollections} |");
    }

    private static void Memory(int orders)
    {
        Console.WriteLine($"## Memory: {orders:N0} resting orders on 10,000 price levels (BTCUSDT-like instrument, 10^8-tick price range)");
        Console.WriteLine();
        Console.WriteLine("| resting orders | price-level pool | managed heap growth | bytes/order | target |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (int pool in new[] { orders, 1 << 16 })
        {
            var result = MemoryFootprint.Run(orders, pool);
            string poolText = pool == orders ? $"{pool:N0} (= orders: never exhausted)" : $"{pool:N0}";
            Console.WriteLine($"| {result.Orders:N0} | {poolText} | {result.TotalBytes / 1024.0 / 1024.0:F1} MB | {result.BytesPerOrder:F1} | <= 128 MB total |");
        }

        Console.WriteLine();
    }
}
