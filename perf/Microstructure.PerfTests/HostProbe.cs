using System.Diagnostics;
using System.Globalization;

namespace Microstructure.PerfTests;

/// <summary>
/// What the host gives one thread right now: the latency of a dependent load that misses every cache (a pointer chase
/// through 64 MB) and the time of a chain of dependent ALU operations (a core-speed proxy). On the shared VMs this project is
/// measured on, both move with the neighbours, not only with our own load average: the same binary's cascade took
/// 48 ms in one minute and 108 ms in the next at load average 1.4 (issue 16). Printing the probe beside a figure says
/// which kind of minute it was measured in; a load average cannot.
/// </summary>
internal static class HostProbe
{
    private const int ChaseBytes = 64 << 20;

    /// <summary>Where the loops' results go, so the JIT cannot drop them as dead (GC.KeepAlive of a box it can).</summary>
    private static ulong _sink;
    private const int ChaseLoads = 4_000_000;
    private const int AluSteps = 50_000_000;

    /// <summary>A permutation of one cycle through every slot, visited in random order (Sattolo's shuffle).</summary>
    private static readonly Lazy<int[]> Cycle = new(() =>
    {
        var next = new int[ChaseBytes / sizeof(int)];
        var order = new int[next.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var random = new Random(1);
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        for (var i = 0; i < order.Length; i++)
        {
            next[order[i]] = order[(i + 1) % order.Length];
        }

        return next;
    });

    /// <summary>The probe's two figures: ns per cache-missing load, ns per xorshift step; medians of 3.</summary>
    public readonly record struct Reading(double MissNanos, double StepNanos)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"host probe: {MissNanos:F0} ns per cache-missing load (64 MB chase), {StepNanos:F2} ns per xorshift step (six dependent ALU operations)");
    }

    public static Reading Measure()
    {
        var next = Cycle.Value;
        Chase(next, 100_000);
        AluChain(1_000_000);
        var misses = new double[3];
        var steps = new double[3];
        for (var round = 0; round < 3; round++)
        {
            misses[round] = Chase(next, ChaseLoads);
            steps[round] = AluChain(AluSteps);
        }

        Array.Sort(misses);
        Array.Sort(steps);
        return new Reading(misses[1], steps[1]);
    }

    private static double Chase(int[] next, int loads)
    {
        var start = Stopwatch.GetTimestamp();
        var at = 0;
        for (var i = 0; i < loads; i++)
        {
            at = next[at];
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalNanoseconds;
        _sink ^= (ulong)at;
        return elapsed / loads;
    }

    private static double AluChain(int steps)
    {
        var start = Stopwatch.GetTimestamp();
        var x = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < steps; i++)
        {
            // One xorshift step: six dependent one-cycle operations, nothing the JIT can fold or overlap.
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalNanoseconds;
        _sink ^= x;
        return elapsed / steps;
    }
}
