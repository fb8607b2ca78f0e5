using Microstructure.Ring;

namespace Microstructure.Engine.Processing;

/// <summary>How an <see cref="EnginePipeline"/> (or any <see cref="BusinessLogicPipeline{TSlot, TEvent, TProcessor}"/>) sizes its rings and waits.</summary>
public sealed record EnginePipelineOptions
{
    /// <summary>Input ring slots (power of two). Default 64K.</summary>
    public int InputRingSize { get; init; } = 1 << 16;

    /// <summary>Output ring slots (power of two). A command yields several events, so default 256K.</summary>
    public int OutputRingSize { get; init; } = 1 << 18;

    /// <summary>Multi (any number of producer threads, CAS claim) or Single (one producer thread, no CAS).</summary>
    public ProducerType InputProducerType { get; init; } = ProducerType.Multi;

    /// <summary>
    /// Creates each ring's wait strategy. Yielding is the default because on a 2-core machine a pipeline has more
    /// busy threads than cores; choose busy-spin only with a core per thread.
    /// </summary>
    public Func<IWaitStrategy> WaitStrategyFactory { get; init; } = static () => new YieldingWaitStrategy();

    /// <summary>
    /// Creates the output ring's wait strategy (how its consumers wait for events); null means
    /// <see cref="WaitStrategyFactory"/>. A blocking strategy here lets an often-idle journal share a core with the
    /// business-logic thread without stealing its time slices.
    /// </summary>
    public Func<IWaitStrategy>? OutputWaitStrategyFactory { get; init; }

    /// <summary>
    /// Apply commands in <see cref="SequencedCommand.SourceSequence"/> order (dense from 0) instead of ring order,
    /// so several racing producers still yield one reproducible journal.
    /// </summary>
    public bool Resequence { get; init; }

    /// <summary>
    /// With <see cref="Resequence"/>: how far ahead of a missing command others may arrive (power of two). Producers
    /// that get further ahead wait in <see cref="EnginePipeline.PublishSequenced"/>.
    /// </summary>
    public int ReorderWindow { get; init; } = 1 << 16;

    /// <summary>
    /// Runs first on the business-logic thread when it starts; the harness uses it to pin the thread to a core.
    /// </summary>
    public Action? BusinessLogicThreadStarted { get; init; }
}
