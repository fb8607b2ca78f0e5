using Microstructure.Simulation.Kernel;

namespace Microstructure.Simulation.Running;

/// <summary>How a run ended: counters and the exchange's headline state at the end (deterministic; no wall-clock figures).</summary>
/// <param name="Info">The run's description.</param>
/// <param name="Counters">What the kernel did.</param>
/// <param name="Liquidations">Liquidations started (exchange ids 1 … this).</param>
/// <param name="InsuranceFund">Insurance fund balance at the end (cash units).</param>
/// <param name="BadDebt">Losses written off (cash units).</param>
/// <param name="PoolBadDebt">Lending-pool debt written off (cash units).</param>
/// <param name="FeesCollected">Trading fees collected (cash units).</param>
/// <param name="FinalMarkTicks">Mark price at the end (ticks).</param>
public sealed record RunResult(
    RunInfo Info,
    KernelCounters Counters,
    long Liquidations,
    long InsuranceFund,
    long BadDebt,
    long PoolBadDebt,
    long FeesCollected,
    long FinalMarkTicks);
