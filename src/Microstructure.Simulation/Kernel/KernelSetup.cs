using Microstructure.Agents;
using Microstructure.Agents.Configuration;
using Microstructure.Agents.Market;
using Microstructure.Risk.Processing;
using Microstructure.Simulation.Environment;

namespace Microstructure.Simulation.Kernel;

/// <summary>Everything a <see cref="SimulationKernel"/> is built from (a <c>SimulationRun</c> assembles it from a scenario).</summary>
internal sealed record KernelSetup
{
    /// <summary>The exchange; owned by the kernel (or its pipeline thread) during the run.</summary>
    public required Exchange Exchange { get; init; }

    /// <summary>The agents, in account order.</summary>
    public required IReadOnlyList<Agent> Agents { get; init; }

    /// <summary>Each agent's latency (same order as <see cref="Agents"/>).</summary>
    public required IReadOnlyList<LatencyOptions> Latencies { get; init; }

    /// <summary>The rules agents see.</summary>
    public required MarketRules Rules { get; init; }

    /// <summary>Seed of the kernel's own random streams (latency jitter, index process).</summary>
    public required long Seed { get; init; }

    /// <summary>The run ends after the last item at or before this time (ns).</summary>
    public required long EndNs { get; init; }

    /// <summary>Direct or pipelined.</summary>
    public KernelMode Mode { get; init; }

    /// <summary>L2 snapshot interval (ns); 0 = none.</summary>
    public long SnapshotIntervalNs { get; init; }

    /// <summary>Levels per side in each snapshot.</summary>
    public int SnapshotDepth { get; init; } = 20;

    /// <summary>Exchange clock tick interval (ns); 0 = none.</summary>
    public long TickIntervalNs { get; init; }

    /// <summary>Short volatility window τ (s) of the public market data.</summary>
    public double ShortVolatilitySeconds { get; init; } = 10;

    /// <summary>Long volatility window τ (s).</summary>
    public double LongVolatilitySeconds { get; init; } = 300;

    /// <summary>The index process, or null for none.</summary>
    public IndexSettings? Index { get; init; }

    /// <summary>Index jumps: (time ns, relative change).</summary>
    public IReadOnlyList<(long TimeNs, double Relative)> IndexJumps { get; init; } = [];

    /// <summary>Commands the kernel sends at time 0, before any agent starts (system accounts, pool liquidity).</summary>
    public IReadOnlyList<ExchangeCommand> Bootstrap { get; init; } = [];

    /// <summary>Input ring size in pipelined mode.</summary>
    public int InputRingSize { get; init; } = 1 << 14;

    /// <summary>Output ring size in pipelined mode.</summary>
    public int OutputRingSize { get; init; } = 1 << 16;
}
