namespace Microstructure.Simulation.Kernel;

/// <summary>
/// How the kernel reaches the exchange. Both ways put the events of each command, in order, into the kernel's
/// pending FIFO; the kernel decides when to read them (the same moment in both modes), so a run does not depend on
/// which port carried it.
/// </summary>
internal interface IExchangePort : IDisposable
{
    /// <summary>Hands the exchange command number <paramref name="sequence"/> (0, 1, 2, … in order).</summary>
    void Send(in ExchangeCommand command, long sequence);

    /// <summary>Returns once every event of commands up to <paramref name="sequence"/> is in the pending FIFO.</summary>
    void WaitFor(long sequence);

    /// <summary>Stops the exchange's thread, if any, after everything sent was applied.</summary>
    void Complete();
}
