namespace Microstructure.Simulation.Kernel;

/// <summary>Where a run is: reported about every 1% of simulated time and once at the end.</summary>
/// <param name="NowNs">Simulated time reached (ns).</param>
/// <param name="EndNs">Simulated end time (ns).</param>
/// <param name="Counters">What the kernel did so far.</param>
public readonly record struct RunProgress(long NowNs, long EndNs, KernelCounters Counters)
{
    /// <summary>Fraction of simulated time done, in [0, 1].</summary>
    public double Fraction => EndNs <= 0 ? 1 : Math.Clamp((double)NowNs / EndNs, 0, 1);
}
