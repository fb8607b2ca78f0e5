using System.Diagnostics;
using System.Globalization;

namespace Microstructure.PerfTests;

/// <summary>
/// What the host gives one thread right now: the latency of a dependent load at a random place in 64 MB (a pointer
/// chase; it misses the core's caches) and the time of a chain of dependent ALU operations (a core-speed proxy). On the
/// shared VMs this project is measured on, both move with the neighbours, not only with our own load average: the same
/// binary's cascade took 48 ms in one minute and 108 ms in the next at load average 1.4 (issue 16). Printing the probe
/// beside a figure says which kind of minute it was measured in; a load average cannot.
/// </summary>
internal static class HostProbe
{
    private const int ChaseBytes = 64 << 20;
    private const int ChaseLoads = 4_000_000;
    private const int AluSteps = 50_000_000;

    /// <summary>Where the loops' results go, so the JIT cannot drop them as dead (GC.KeepAlive of a box it can).</summary>
    private static ulong _sink;

    /// <summary>
    /// A permutation of one cycle through every slot in random order: Sattolo's shuffle of the identity gives a single
    /// cycle directly, so following <c>next[i]</c> visits all 16M slots before it comes back.
    /// </summary>
    private static int[] CreateCycle()
    {
        var next = new int[ChaseBytes / sizeof(int)];
        for (var i = 0; i < next.Length; i++)
        {
            next[i] = i;
        }

        var random = new Random(1);
        for (var i = next.Length - 1; i > 0; i--)
        {
            var j = random.Next(i);
            (next[i], next[j]) = (next[j], next[i]);
        }

        return next;
    }

    /// <summary>The probe's two figures: ns per cache-missing load, ns per xorshift step; medians of 3.</summary>
    public readonly record struct Reading(double MissNanos, double StepNanos)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"host probe: {MissNanos:F0} ns per cache-missing load (64 MB chase), {StepNanos:F2} ns per xorshift step (six dependent ALU operations)");
    }

    /// <summary>
    /// Takes a reading. The 64 MB array is dropped and collected before returning, so that a measurement run after it
    /// neither holds the memory nor pays for collecting it.
    /// </summary>
    public static Reading Measure()
    {
        var reading = MeasureWith(CreateCycle());
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return reading;
    }

    private static Reading MeasureWith(int[] next)
    {
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
