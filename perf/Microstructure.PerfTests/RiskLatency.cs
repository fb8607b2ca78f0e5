using System.Globalization;
using HdrHistogram;
using Microstructure.Engine;
using Microstructure.Engine.Processing;
using Microstructure.Risk.Journal;
using Microstructure.Risk.Processing;
using Microstructure.Ring;
using Microstructure.Workloads;

namespace Microstructure.PerfTests;

/// <summary>
/// End to end with risk inline: producer → input ring → exchange (matching + risk + liquidations) → output ring →
/// journal + latency, open loop at fixed offered rates, with one liquidation burst in the middle of each run.
/// </summary>
internal static class RiskLatency
{
    /// <summary>Commands after the shock (the shock included) that form the burst window: 10 ms of offered load.</summary>
    private const double BurstWindowSeconds = 0.010;

    public sealed record Result(long OfferedRate, int Commands, double AchievedRate, LongHistogram All, LongHistogram Burst, long BurstCommands, long Liquidations, int GcCollections);

    public static void Print(bool quick)
    {
        int longs = quick ? 2_000 : 5_000;
        long[] rates = quick ? [250_000, 1_000_000] : [125_000, 250_000, 500_000, 1_000_000];
        double seconds = quick ? 0.5 : 2.0;
        Console.WriteLine($"## End to end with risk inline, and a burst of {longs:N0} liquidations ({seconds} s per rate)");
        Console.WriteLine();
        Console.WriteLine("exchange-core's mix through the exchange (pre-trade margin checks, settlement, index upkeep), an external mark every 64 commands, and in the middle of each run one mark drop of 1% that breaches every leveraged long at once: that single command runs all their liquidations (market orders into a bid ladder) inline. Placement as the engine's e2e: producer core 0, business logic core 1, output consumer (journal to Stream.Null + latency) core 1, yielding waits. Latency in µs from each command's intended send time to its first output event (coordinated omission corrected). 'burst' = the commands offered during the 10 ms starting at the shock.");
        Console.WriteLine();
        Console.WriteLine("| window | offered ops/s | achieved ops/s | commands | p50 | p90 | p99 | p99.9 | p99.99 | max | liquidations | GCs |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        Run(longs, 200_000, 1_000_000); // warm-up
        foreach (long rate in rates)
        {
            var r = Run(longs, (int)(rate * seconds), rate);
            Row("all", r, r.All, r.Commands);
            Row("burst", r, r.Burst, r.BurstCommands);
        }

        Console.WriteLine();
    }

    public static Result Run(int longs, int count, long rate)
    {
        int shockIndex = count / 2;
        // The pipeline numbers the stream's commands from 0 (its ring sequence): the shock is command shockIndex.
        var (exchange, stream, _) = RiskLatencyWorkload.Build(longs, count, shockIndex);
        long interval = 1_000_000_000 / rate;
        var all = new LatencyProbe();
        var burst = new LatencyProbe();
        long burstCommands = Math.Max(1, (long)(rate * BurstWindowSeconds));
        var journal = new ExchangeJournalWriter(Stream.Null);
        var options = new EnginePipelineOptions
        {
            InputProducerType = ProducerType.Single,
            BusinessLogicThreadStarted = () => ThreadAffinity.Pin(1),
        };
        long liquidationsBefore = exchange.LiquidationCount;
        int gcBefore = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
        long start = 0;
        using (var pipeline = new ExchangePipeline(exchange, options, d => d.HandleEventsWith(new RiskLatencyHandler(journal, all, burst, shockIndex, shockIndex + burstCommands, 1))))
        {
            pipeline.Start();
            var input = pipeline.Input;
            var producer = new Thread(() =>
            {
                ThreadAffinity.Pin(0);
                start = Clock.NowNanos() + 1_000_000;
                for (int i = 0; i < stream.Length; i++)
                {
                    long intended = start + (i * interval);
                    Clock.SpinUntil(intended);
                    long sequence = input.Next();
                    ref var slot = ref input[sequence];
                    slot.Command = stream[i];
                    slot.Command.Timestamp = new Timestamp(intended);
                    input.Publish(sequence);
                }
            }) { Name = "risk-e2e-producer", IsBackground = true };
            producer.Start();
            producer.Join();
            if (!pipeline.Shutdown(TimeSpan.FromSeconds(120)))
            {
                throw new InvalidOperationException($"The exchange pipeline did not drain at {rate:N0} ops/s.", pipeline.Fault);
            }
        }

        if (all.Completed != stream.Length)
        {
            throw new InvalidOperationException($"{stream.Length:N0} commands sent but {all.Completed:N0} reached the journal.");
        }

        double achieved = stream.Length / ((all.LastCompletionNanos - start) / 1e9);
        return new Result(rate, stream.Length, achieved, all.Histogram, burst.Histogram, burst.Completed, exchange.LiquidationCount - liquidationsBefore,
            GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcBefore);
    }

    private static void Row(string window, Result r, LongHistogram h, long commands)
    {
        static string Us(long nanos) => (nanos / 1000.0).ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine(
            $"| {window} | {r.OfferedRate:N0} | {r.AchievedRate:N0} | {commands:N0} | {Us(h.GetValueAtPercentile(50))} | {Us(h.GetValueAtPercentile(90))} | {Us(h.GetValueAtPercentile(99))} | {Us(h.GetValueAtPercentile(99.9))} | {Us(h.GetValueAtPercentile(99.99))} | {Us(h.GetMaxValue())} | {r.Liquidations:N0} | {r.GcCollections} |");
    }
}
