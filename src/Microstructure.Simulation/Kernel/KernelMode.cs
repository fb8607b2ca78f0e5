namespace Microstructure.Simulation.Kernel;

/// <summary>How the kernel reaches the exchange. Both give byte-identical runs.</summary>
public enum KernelMode
{
    /// <summary>The kernel calls the exchange synchronously on its own thread (fast; one kernel per thread for multi-seed runs).</summary>
    Direct = 0,

    /// <summary>Through the exchange pipeline's rings and business-logic thread, reading events back with a poller.</summary>
    Pipelined = 1,
}
