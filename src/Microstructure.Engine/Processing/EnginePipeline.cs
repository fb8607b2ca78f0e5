using Microstructure.Engine.Matching;
using Microstructure.Ring;

namespace Microstructure.Engine.Processing;

/// <summary>
/// The business-logic processor: producers → input ring → matching engine (one thread) → output ring → the
/// consumers the caller attaches (a journal at least).
/// </summary>
/// <remarks>
/// The engine is touched only by the input ring's consumer thread, so it needs no locks; the rings are the only
/// concurrency. Read the engine's state only after <see cref="Shutdown"/> returned.
/// </remarks>
public sealed class EnginePipeline : IDisposable
{
    private readonly Disruptor<SequencedCommand> _input;
    private readonly Disruptor<EngineEvent> _output;
    private readonly BatchEventProcessor<SequencedCommand, BusinessLogicHandler> _businessLogic;
    private bool _started;
    private bool _stopped;

    /// <summary>Wires the pipeline; nothing runs until <see cref="Start"/>.</summary>
    /// <param name="engine">The engine to drive; owned by the pipeline's thread while it runs.</param>
    /// <param name="options">Ring sizes, producer type, wait strategy, resequencing.</param>
    /// <param name="configureOutput">Attaches the output ring's consumers, e.g. <c>d => d.HandleEventsWith(new JournalHandler(w))</c>.</param>
    public EnginePipeline(MatchingEngine engine, EnginePipelineOptions options, Action<Disruptor<EngineEvent>> configureOutput)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configureOutput);

        Engine = engine;
        _output = new Disruptor<EngineEvent>(options.OutputRingSize, ProducerType.Single, (options.OutputWaitStrategyFactory ?? options.WaitStrategyFactory)());
        configureOutput(_output);

        _input = new Disruptor<SequencedCommand>(options.InputRingSize, options.InputProducerType, options.WaitStrategyFactory());
        var resequencer = options.Resequence ? new CommandResequencer(options.ReorderWindow) : null;
        var handler = new BusinessLogicHandler(engine, _output.RingBuffer, resequencer, options.BusinessLogicThreadStarted);
        _input.HandleEventsWith(handler, out _businessLogic);
    }

    /// <summary>The engine this pipeline drives.</summary>
    public MatchingEngine Engine { get; }

    /// <summary>Where producers claim, write and publish commands.</summary>
    public RingBuffer<SequencedCommand> Input => _input.RingBuffer;

    /// <summary>The events the engine produced (read-only for consumers attached at construction).</summary>
    public RingBuffer<EngineEvent> Output => _output.RingBuffer;

    /// <summary>Input-ring sequence the business-logic thread has fully applied (−1 before the first command).</summary>
    public long AppliedSequence => _businessLogic.Sequence.Value;

    /// <summary>The first exception that halted the business-logic or an output consumer, if any.</summary>
    public Exception? Fault => _input.Fault ?? _output.Fault;

    /// <summary>Starts the output consumers, then the business-logic thread.</summary>
    public void Start()
    {
        if (_started)
        {
            throw new InvalidOperationException("The pipeline is already started.");
        }

        _started = true;
        _output.Start();
        _input.Start();
    }

    /// <summary>
    /// Drains: waits until every published command is applied and every resulting event consumed, then stops the
    /// threads. Returns false if that did not happen within <paramref name="timeout"/> (the threads are halted anyway).
    /// </summary>
    public bool Shutdown(TimeSpan timeout)
    {
        if (!_started || _stopped)
        {
            return true;
        }

        _stopped = true;
        var deadline = DateTime.UtcNow + timeout;
        bool inputDrained = _input.Shutdown(timeout);
        var remaining = deadline - DateTime.UtcNow;
        bool outputDrained = _output.Shutdown(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        return inputDrained && outputDrained;
    }

    /// <inheritdoc />
    public void Dispose() => Shutdown(TimeSpan.FromSeconds(5));
}
