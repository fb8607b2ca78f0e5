using System.Diagnostics;
using Microstructure.Engine;
using Microstructure.Workloads;

namespace Microstructure.PerfTests;

/// <summary>The matching engine alone on one thread, on exchange-core's mix, with allocation and GC counts.</summary>
internal static class EngineThroughput
{
    public sealed record Result(int Commands, double BestOpsPerSecond, double MedianOpsPerSecond, double BytesPerOp, int GcCollections, long Trades, double MedianOpsPerCpuSecond);

    public static Result Run(OrderCommand[] seed, OrderCommand[] commands, int repeats)
    {
        var rates = new List<double>();
        var cpuRates = new List<double>();
        long allocated = 0;
        int gcs = 0;
        long trades = 0;
        for (int r = 0; r < repeats; r++)
        {
            var engine = ExchangeCoreMix.CreateEngine();
            var sink = new CountingSink();
            for (int i = 0; i < seed.Length; i++)
            {
                engine.Process(in seed[i], i, ref sink);
            }

            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            int gcBefore = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
            long cpuStart = ThreadCpuTime.NowNanos();
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < commands.Length; i++)
            {
                engine.Process(in commands[i], seed.Length + i, ref sink);
            }

            var elapsed = Stopwatch.GetElapsedTime(start);
            long cpuNanos = ThreadCpuTime.NowNanos() - cpuStart;
            cpuRates.Add(cpuStart < 0 || cpuNanos <= 0 ? double.NaN : commands.Length / (cpuNanos / 1e9));
            gcs += GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcBefore;
            allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            rates.Add(commands.Length / elapsed.TotalSeconds);
            trades = sink.Trades;
        }

        rates.Sort();
        cpuRates.Sort();
        return new Result(commands.Length, rates[^1], rates[rates.Count / 2], (double)allocated / ((long)commands.Length * repeats), gcs, trades, cpuRates[cpuRates.Count / 2]);
    }
}
