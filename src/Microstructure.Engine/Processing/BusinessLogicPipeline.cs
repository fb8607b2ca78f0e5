using System.Diagnostics;
using Microstructure.Ring;

namespace Microstructure.Engine.Processing;

/// <summary>
/// The business-logic pipeline for any processor: producers → input ring of <typeparamref name="TSlot"/> → the
/// processor on one thread → output ring of <typeparamref name="TEvent"/> → the consumers the caller attaches.
/// </summary>
/// <typeparam name="TSlot">The input-ring slot (a command plus its source sequence).</typeparam>
/// <typeparam name="TEvent">The output event type.</typeparam>
/// <typeparam name="TProcessor">A struct wrapping the processor (see <see cref="ICommandProcessor{TSlot, TEvent}"/>).</typeparam>
/// <remarks>
/// The processor is touched only by the input ring's consumer thread, so it needs no locks; the rings are the only
/// concurrency. Read the processor's state only after <see cref="Shutdown"/> returned. <see cref="EnginePipeline"/>
/// is this pipeline over the matching engine; the risk layer runs its exchange processor the same way.
/// </remarks>
public sealed class BusinessLogicPipeline<TSlot, TEvent, TProcessor> : IDisposable
    where TSlot : struct, ISequencedSlot
    where TEvent : struct
    where TProcessor : struct, ICommandProcessor<TSlot, TEvent>
{
    private readonly Disruptor<TSlot> _input;
    private readonly Disruptor<TEvent> _output;
    private readonly BatchEventProcessor<TSlot, BusinessLogicHandler<TSlot, TEvent, TProcessor>> _businessLogic;
    private readonly CommandResequencer<TSlot>? _resequencer;
    private bool _started;
    private bool _stopped;

    /// <summary>Wires the pipeline; nothing runs until <see cref="Start"/>.</summary>
    /// <param name="processor">The processor to drive; owned by the pipeline's thread while it runs.</param>
    /// <param name="options">Ring sizes, producer type, wait strategy, resequencing.</param>
    /// <param name="configureOutput">Attaches the output ring's consumers, e.g. a journal handler.</param>
    public BusinessLogicPipeline(TProcessor processor, EnginePipelineOptions options, Action<Disruptor<TEvent>> configureOutput)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configureOutput);

        Processor = processor;
        _output = new Disruptor<TEvent>(options.OutputRingSize, ProducerType.Single, (options.OutputWaitStrategyFactory ?? options.WaitStrategyFactory)());
        configureOutput(_output);

        _input = new Disruptor<TSlot>(options.InputRingSize, options.InputProducerType, options.WaitStrategyFactory());
        _resequencer = options.Resequence ? new CommandResequencer<TSlot>(options.ReorderWindow) : null;
        var stop = new PipelineStopSignal(() => _output.Fault);
        var sink = new OutputRingSink<TEvent>(_output.RingBuffer, stop);
        var handler = new BusinessLogicHandler<TSlot, TEvent, TProcessor>(processor, sink, _resequencer, options.BusinessLogicThreadStarted);
        _input.HandleEventsWith(handler, out _businessLogic);
        stop.BusinessLogicBarrier = _businessLogic.Barrier;
    }

    /// <summary>The processor this pipeline drives.</summary>
    public TProcessor Processor { get; }

    /// <summary>Where producers claim, write and publish slots.</summary>
    public RingBuffer<TSlot> Input => _input.RingBuffer;

    /// <summary>The events the processor produced (read-only for consumers attached at construction).</summary>
    public RingBuffer<TEvent> Output => _output.RingBuffer;

    /// <summary>Input-ring sequence the business-logic thread has fully applied (−1 before the first slot).</summary>
    public long AppliedSequence => _businessLogic.Sequence.Value;

    /// <summary>
    /// The first exception that halted an output consumer or the business-logic thread, if any. An output consumer's
    /// fault comes first: it is the cause when the business-logic thread then stops for want of output room.
    /// </summary>
    public Exception? Fault => _output.Fault ?? _input.Fault;

    /// <summary>Whether the business-logic thread is still inside its loop.</summary>
    public bool IsRunning => _businessLogic.IsRunning;

    /// <summary>
    /// Publishes a slot of a pre-sequenced stream (<see cref="EnginePipelineOptions.Resequence"/>), from any producer
    /// thread. It first waits while the slot's source sequence is a whole reorder window ahead of the oldest slot
    /// still missing, so a fast producer can never overrun a late one: that is back-pressure, not a fault. Producers
    /// of a resequenced pipeline must publish through this method.
    /// </summary>
    /// <param name="slot">The slot, its <see cref="ISequencedSlot.SourceSequence"/> dense from 0 and each used once.</param>
    /// <exception cref="InvalidOperationException">The pipeline does not resequence, or it faulted while waiting.</exception>
    public void PublishSequenced(in TSlot slot)
    {
        if (_resequencer is null)
        {
            throw new InvalidOperationException("PublishSequenced needs EnginePipelineOptions.Resequence = true.");
        }

        if (slot.SourceSequence - _resequencer.Applied.Value > _resequencer.WindowSize)
        {
            WaitForWindow(slot.SourceSequence);
        }

        var input = _input.RingBuffer;
        long sequence = input.Next();
        input[sequence] = slot;
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
    /// Drains: waits until every published slot is applied and every resulting event consumed, then stops the
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
