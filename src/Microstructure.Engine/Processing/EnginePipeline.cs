using Microstructure.Engine.Matching;
using Microstructure.Ring;

namespace Microstructure.Engine.Processing;

/// <summary>
/// The matching engine's business-logic pipeline: producers → input ring → matching engine (one thread) → output
/// ring → the consumers the caller attaches (a journal at least).
/// </summary>
/// <remarks>
/// A <see cref="BusinessLogicPipeline{TSlot, TEvent, TProcessor}"/> over <see cref="MatchingEngineProcessor"/>.
/// The engine is touched only by the input ring's consumer thread, so it needs no locks; the rings are the only
/// concurrency. Read the engine's state only after <see cref="Shutdown"/> returned.
/// </remarks>
public sealed class EnginePipeline : IDisposable
{
    private readonly BusinessLogicPipeline<SequencedCommand, EngineEvent, MatchingEngineProcessor> _pipeline;

    /// <summary>Wires the pipeline; nothing runs until <see cref="Start"/>.</summary>
    /// <param name="engine">The engine to drive; owned by the pipeline's thread while it runs.</param>
    /// <param name="options">Ring sizes, producer type, wait strategy, resequencing.</param>
    /// <param name="configureOutput">Attaches the output ring's consumers, e.g. <c>d => d.HandleEventsWith(new JournalHandler&lt;EngineEvent, EngineEventCodec&gt;(w))</c>.</param>
    public EnginePipeline(MatchingEngine engine, EnginePipelineOptions options, Action<Disruptor<EngineEvent>> configureOutput)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
        _pipeline = new BusinessLogicPipeline<SequencedCommand, EngineEvent, MatchingEngineProcessor>(new MatchingEngineProcessor(engine), options, configureOutput);
    }

    /// <summary>The engine this pipeline drives.</summary>
    public MatchingEngine Engine { get; }

    /// <summary>Where producers claim, write and publish commands.</summary>
    public RingBuffer<SequencedCommand> Input => _pipeline.Input;

    /// <summary>The events the engine produced (read-only for consumers attached at construction).</summary>
    public RingBuffer<EngineEvent> Output => _pipeline.Output;

    /// <summary>Input-ring sequence the business-logic thread has fully applied (−1 before the first command).</summary>
    public long AppliedSequence => _pipeline.AppliedSequence;

    /// <summary>
    /// The first exception that halted an output consumer or the business-logic thread, if any (an output consumer's
    /// fault first: it is the cause when the business-logic thread then stops for want of output room).
    /// </summary>
    public Exception? Fault => _pipeline.Fault;

    /// <summary>Whether the business-logic thread is still inside its loop.</summary>
    public bool IsRunning => _pipeline.IsRunning;

    /// <summary>
    /// Publishes a command of a pre-sequenced stream (<see cref="EnginePipelineOptions.Resequence"/>), from any
    /// producer thread, waiting first while it is a whole reorder window ahead of the oldest command still missing
    /// (back-pressure, not a fault). Producers of a resequenced pipeline must publish through this method.
    /// </summary>
    /// <param name="sourceSequence">The command's place in the source order, dense from 0, each used once.</param>
    /// <param name="command">The command.</param>
    /// <exception cref="InvalidOperationException">The pipeline does not resequence, or it faulted while waiting.</exception>
    public void PublishSequenced(long sourceSequence, in OrderCommand command) =>
        _pipeline.PublishSequenced(new SequencedCommand { SourceSequence = sourceSequence, Command = command });

    /// <summary>Starts the output consumers, then the business-logic thread.</summary>
    public void Start() => _pipeline.Start();

    /// <summary>
    /// Drains: waits until every published command is applied and every resulting event consumed, then stops the
    /// threads. Returns false if that did not happen within <paramref name="timeout"/> (the threads are halted anyway).
    /// </summary>
    public bool Shutdown(TimeSpan timeout) => _pipeline.Shutdown(timeout);

    /// <inheritdoc />
    public void Dispose() => _pipeline.Dispose();
}
