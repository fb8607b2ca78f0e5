namespace Microstructure.Simulation.Kernel;

/// <summary>
/// Receives every exchange event of a run, in sequence order, on the thread that runs the kernel — the contract the
/// recorders implement (through an adapter). Read the run's description (<c>SimulationRun.Info</c>) first for what the numbers mean.
/// </summary>
/// <remarks>
/// Events come in the exchange's order (command by command; every event of command n before any of n + 1), the same
/// in direct and pipelined mode. The kernel reads a command's events one lookahead after the command arrived, so
/// an observer sees them a little after the agents' clock passed them; that delay never changes what is recorded.
/// </remarks>
public interface IRunObserver
{
    /// <summary>One exchange event; copy it if it must outlive the call.</summary>
    void OnEvent(in ExchangeEvent e);
}
