using System.Diagnostics;

namespace Microstructure.PerfTests;

/// <summary>Monotonic nanoseconds from <see cref="Stopwatch"/> (1 tick = 1 ns on Linux, converted elsewhere).</summary>
internal static class Clock
{
    private static readonly double NanosPerTick = 1e9 / Stopwatch.Frequency;

    public static long NowNanos() => Stopwatch.Frequency == 1_000_000_000
        ? Stopwatch.GetTimestamp()
        : (long)(Stopwatch.GetTimestamp() * NanosPerTick);

    /// <summary>Busy-waits until <paramref name="nanos"/>; the pacing of an open-loop producer.</summary>
    public static void SpinUntil(long nanos)
    {
        while (NowNanos() < nanos)
        {
            Thread.SpinWait(8);
        }
    }
}
