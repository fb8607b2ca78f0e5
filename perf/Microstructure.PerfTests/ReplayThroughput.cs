using System.Diagnostics;
using Microstructure.Replay.Lobster;
using Microstructure.Workloads;

namespace Microstructure.PerfTests;

/// <summary>LOBSTER replay from disk on one thread: parse + apply, messages/s and bytes allocated per message.</summary>
internal static class ReplayThroughput
{
    public sealed record Result(long Messages, long Bytes, double BestPerSecond, double MedianPerSecond, double BytesAllocatedPerMessage, long FixedBytesPerRun, int GcCollections)
    {
        /// <summary>Messages per second of the process's CPU time (user + system), median over the runs: steadier than
        /// the wall-clock rate when other work shares the cores (one thread replays; no GC runs in steady state).</summary>
        public double MedianPerCpuSecond { get; init; }
    }

    public static Result Run(int messages, int repeats)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ms-lobster-synthetic-{messages}_message_0.csv");
        if (!File.Exists(path))
        {
            LobsterFileGenerator.Write(path, messages, seed: 7);
        }

        var options = new LobsterReplayOptions { MessagesPath = path, MaxOrders = 1 << 18 };
        LobsterReplay.Run(options); // warm-up: JIT, page cache

        // What one run allocates whatever its length (the book's pools, buffers): measured on a 1,000-message file.
        var small = Path.Combine(Path.GetTempPath(), "ms-lobster-synthetic-1000_message_0.csv");
        LobsterFileGenerator.Write(small, 1_000, seed: 7);
        var smallBefore = GC.GetAllocatedBytesForCurrentThread();
        LobsterReplay.Run(options with { MessagesPath = small });
        var fixedBytes = GC.GetAllocatedBytesForCurrentThread() - smallBefore;
        var rates = new List<double>();
        var cpuRates = new List<double>();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        long allocated = 0;
        var gcs = 0;
        for (var r = 0; r < repeats; r++)
        {
            var gcBefore = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
            var before = GC.GetAllocatedBytesForCurrentThread();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            var report = LobsterReplay.Run(options);
            var elapsed = Stopwatch.GetElapsedTime(start);
            process.Refresh();
            cpuRates.Add(report.MessagesApplied / (process.TotalProcessorTime - cpuBefore).TotalSeconds);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            gcs += GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcBefore;
            rates.Add(report.MessagesApplied / elapsed.TotalSeconds);
        }

        rates.Sort();
        cpuRates.Sort();
        var perMessage = (double)(allocated - (fixedBytes * repeats)) / ((long)messages * repeats);
        return new Result(messages, new FileInfo(path).Length, rates[^1], rates[rates.Count / 2], perMessage, fixedBytes, gcs)
        {
            MedianPerCpuSecond = cpuRates[cpuRates.Count / 2],
        };
    }
}
