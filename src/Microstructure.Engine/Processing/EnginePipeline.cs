using System.Diagnostics;
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
    private readonly CommandResequencer? _resequencer;
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
        _resequencer = options.Resequence ? new CommandResequencer(options.ReorderWindow) : null;
        var stop = new PipelineStopSignal(() => _output.Fault);
        var sink = new OutputRingSink(_output.RingBuffer, stop);
        var handler = new BusinessLogicHandler(engine, sink, _resequencer, options.BusinessLogicThreadStarted);
        _input.HandleEventsWith(handler, out _businessLogic);
        stop.BusinessLogicBarrier = _businessLogic.Barrier;
    }

    /// <summary>The engine this pipeline drives.</summary>
    public MatchingEngine Engine { get; }

    /// <summary>Where producers claim, write and publish commands.</summary>
    public RingBuffer<SequencedCommand> Input => _input.RingBuffer;

    /// <summary>The events the engine produced (read-only for consumers attached at construction).</summary>
    public RingBuffer<EngineEvent> Output => _output.RingBuffer;

    /// <summary>Input-ring sequence the business-logic thread has fully applied (−1 before the first command).</summary>
    public long AppliedSequence => _businessLogic.Sequence.Value;

    /// <summary>
    /// The first exception that halted an output consumer or the business-logic thread, if any. An output consumer's
    /// fault comes first: it is the cause when the business-logic thread then stops for want of output room.
    /// </summary>
    public Exception? Fault => _output.Fault ?? _input.Fault;

    /// <summary>Whether the business-logic thread is still inside its loop.</summary>
    public bool IsRunning => _businessLogic.IsRunning;

    /// <summary>
    /// Publishes a command of a pre-sequenced stream (<see cref="EnginePipelineOptions.Resequence"/>), from any
    /// producer thread. It first waits while <paramref name="sourceSequence"/> is a whole reorder window ahead of
    /// the oldest command still missing, so a fast producer can never overrun a late one: that is back-pressure,
    /// not a fault. Producers of a resequenced pipeline must publish through this method.
    /// </summary>
    /// <param name="sourceSequence">The command's place in the source order, dense from 0, each used once.</param>
    /// <param name="command">The command.</param>
    /// <exception cref="InvalidOperationException">The pipeline does not resequence, or it faulted while waiting.</exception>
    public void PublishSequenced(long sourceSequence, in OrderCommand command)
    {
        if (_resequencer is null)
        {
            throw new InvalidOperationException("PublishSequenced needs EnginePipelineOptions.Resequence = true.");
        }

        if (sourceSequence - _resequencer.Applied.Value > _resequencer.WindowSize)
        {
            WaitForWindow(sourceSequence);
        }

        var input = _input.RingBuffer;
        long sequence = input.Next();
        ref SequencedCommand slot = ref input[sequence];
        slot.SourceSequence = sourceSequence;
        slot.Command = command;
        input.Publish(sequence);
    }

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
        var elapsed = Stopwatch.StartNew();
        bool inputDrained = _input.Shutdown(timeout);
        var remaining = timeout - elapsed.Elapsed;
        bool outputDrained = _output.Shutdown(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        return inputDrained && outputDrained;
    }

    private void WaitForWindow(long sourceSequence)
    {
        var spin = default(SpinWait);
        while (sourceSequence - _resequencer!.Applied.Value > _resequencer.WindowSize)
        {
            if (Fault is { } fault)
            {
                throw new InvalidOperationException("The pipeline faulted while a producer waited for the reorder window.", fault);
            }

            spin.SpinOnce();
        }
    }

    /// <inheritdoc />
    public void Dispose() => Shutdown(TimeSpan.FromSeconds(5));
}
