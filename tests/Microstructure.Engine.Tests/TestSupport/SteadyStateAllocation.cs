namespace Microstructure.Engine.Tests.TestSupport;

/// <summary>Measures what a piece of steady-state work allocates, telling a real allocation from runtime warm-up.</summary>
internal static class SteadyStateAllocation
{
    /// <summary>
    /// Runs <paramref name="window"/> (given the window number) up to <paramref name="windows"/> times and returns the
    /// fewest bytes any one run allocated on this thread. Code that allocates per operation allocates in every window;
    /// the runtime's one-off work (a method's tier-up or on-stack replacement landing inside a window) does not recur.
    /// </summary>
    public static long MinimumBytes(Action<int> window, int windows = 3)
    {
        long minimum = long.MaxValue;
        for (int w = 0; w < windows && minimum > 0; w++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            window(w);
            minimum = Math.Min(minimum, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return minimum;
    }
}
