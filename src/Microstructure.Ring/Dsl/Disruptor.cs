using System.Diagnostics;

namespace Microstructure.Ring;

/// <summary>
/// Wires a ring buffer to a graph of event processors and runs each on a dedicated thread.
/// Build the graph with <see cref="HandleEventsWith{THandler}(THandler)"/> and
/// <see cref="EventHandlerGroup{T}.Then{THandler}(THandler)"/>, <see cref="Start"/>, publish
/// through <see cref="RingBuffer"/>, then <see cref="Shutdown"/> to drain and stop.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
public sealed class Disruptor<T>
    where T : struct
{
    private readonly RingBuffer<T> _ringBuffer;
    private readonly List<ConsumerInfo> _consumers = [];
    private readonly DelegatingExceptionHandler<T> _defaultExceptionHandler = new();
    private int _started;
    private Exception? _fault;

    /// <summary>Creates a disruptor and its ring.</summary>
    /// <param name="ringBufferSize">Number of slots, a positive power of two.</param>
    /// <param name="producerType">Whether one or many threads publish.</param>
    /// <param name="waitStrategy">How consumers wait.</param>
    public Disruptor(int ringBufferSize, ProducerType producerType, IWaitStrategy waitStrategy)
    {
        _ringBuffer = producerType switch
        {
            ProducerType.Single => RingBuffer<T>.CreateSingleProducer(ringBufferSize, waitStrategy),
            ProducerType.Multi => RingBuffer<T>.CreateMultiProducer(ringBufferSize, waitStrategy),
            _ => throw new ArgumentOutOfRangeException(nameof(producerType), producerType, "Unknown producer type."),
        };
    }

    /// <summary>The ring to publish to.</summary>
    public RingBuffer<T> RingBuffer => _ringBuffer;

    /// <summary>
    /// The first exception that stopped a processor (with the default "halt" policy), or
    /// <see langword="null"/>. A faulted processor's sequence stays before the failing event.
    /// </summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    /// <summary>Whether <see cref="Start"/> has been called.</summary>
    public bool IsStarted => Volatile.Read(ref _started) != 0;

    /// <summary>Adds a first-stage consumer, which sees each event once it is published.</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <returns>A group holding the new processor, to chain consumers after it.</returns>
    public EventHandlerGroup<T> HandleEventsWith<THandler>(THandler handler)
        where THandler : IEventHandler<T> =>
        CreateEventProcessor([], handler, out _);

    /// <summary>Adds a first-stage consumer, which sees each event once it is published.</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <param name="processor">The created processor (for its handler state and sequence).</param>
    /// <returns>A group holding the new processor, to chain consumers after it.</returns>
    public EventHandlerGroup<T> HandleEventsWith<THandler>(THandler handler, out BatchEventProcessor<T, THandler> processor)
        where THandler : IEventHandler<T> =>
        CreateEventProcessor([], handler, out processor);

    /// <summary>
    /// Sets the exception policy of every processor created by this disruptor (default: halt,
    /// <see cref="FatalExceptionHandler{T}"/>), whether created before or after this call.
    /// </summary>
    /// <param name="exceptionHandler">The policy.</param>
    public void SetDefaultExceptionHandler(IExceptionHandler<T> exceptionHandler)
    {
        ArgumentNullException.ThrowIfNull(exceptionHandler);
        _defaultExceptionHandler.Target = exceptionHandler;
    }

    /// <summary>Starts every processor on its own named background thread.</summary>
    /// <returns>The ring, ready for publishing.</returns>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public RingBuffer<T> Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            ThrowHelper.ThrowAlreadyStarted();
        }

        for (var i = 0; i < _consumers.Count; i++)
        {
            var consumer = _consumers[i];
            consumer.Thread = new Thread(() => RunProcessor(consumer))
            {
                IsBackground = true,
                Name = $"Disruptor<{typeof(T).Name}> {consumer.Name} #{i}",
            };
        }

        foreach (var consumer in _consumers)
        {
            consumer.Thread!.Start();
        }

        return _ringBuffer;
    }

    /// <summary>
    /// Stops every processor after its current batch, without draining, and waits for their
    /// threads to end. Events published but not processed stay unprocessed. Blocks while a
    /// handler is stuck; use <see cref="Shutdown"/> for a bounded stop.
    /// </summary>
    public void Halt()
    {
        HaltProcessors();
        JoinThreads(Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Drains and stops: waits until every end-of-chain consumer has processed everything up to
    /// the cursor, then halts the processors and joins their threads, all within
    /// <paramref name="timeout"/>. On timeout or fault the processors are halted anyway.
    /// </summary>
    /// <param name="timeout">The total time allowed.</param>
    /// <returns>
    /// <see langword="true"/> if every event was processed and every thread ended in time;
    /// <see langword="false"/> on timeout or if a processor faulted (see <see cref="Fault"/>).
    /// </returns>
    public bool Shutdown(TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        var drained = !IsStarted || WaitForDrain(timeout, stopwatch);
        HaltProcessors();
        var remaining = timeout - stopwatch.Elapsed;
        var joined = JoinThreads(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        return drained && joined && Fault is null;
    }

    internal EventHandlerGroup<T> CreateEventProcessor<THandler>(Sequence[] barrierSequences, THandler handler, out BatchEventProcessor<T, THandler> processor)
        where THandler : IEventHandler<T>
    {
        if (IsStarted)
        {
            ThrowHelper.ThrowAlreadyStarted();
        }

        var barrier = _ringBuffer.NewBarrier(barrierSequences);
        processor = new BatchEventProcessor<T, THandler>(_ringBuffer, barrier, handler);
        processor.SetExceptionHandler(_defaultExceptionHandler);

        // The producer is gated only on end-of-chain consumers: the new one replaces its upstreams.
        _ringBuffer.AddGatingSequences(processor.Sequence);
        foreach (var upstream in barrierSequences)
        {
            _ringBuffer.RemoveGatingSequence(upstream);
            foreach (var consumer in _consumers)
            {
                if (ReferenceEquals(consumer.Processor.Sequence, upstream))
                {
                    consumer.IsEndOfChain = false;
                }
            }
        }

        _consumers.Add(new ConsumerInfo(processor, typeof(THandler).Name));
        return new EventHandlerGroup<T>(this, [processor]);
    }

    private void RunProcessor(ConsumerInfo consumer)
    {
        try
        {
            consumer.Processor.Run();
        }
        catch (Exception ex)
        {
            // A dedicated thread must not let an exception escape (it would kill the process);
            // record the first fault so Shutdown can report it.
            Interlocked.CompareExchange(ref _fault, ex, null);
        }
    }

    private bool WaitForDrain(TimeSpan timeout, Stopwatch stopwatch)
    {
        var spinWait = default(SpinWait);
        while (true)
        {
            if (Fault is not null)
            {
                return false;
            }

            if (AllEndOfChainConsumersAt(_ringBuffer.Cursor))
            {
                return true;
            }

            if (timeout != Timeout.InfiniteTimeSpan && stopwatch.Elapsed >= timeout)
            {
                return false;
            }

            spinWait.SpinOnce();
        }
    }

    private bool AllEndOfChainConsumersAt(long cursor)
    {
        foreach (var consumer in _consumers)
        {
            if (consumer.IsEndOfChain && consumer.Processor.Sequence.Value < cursor)
            {
                return false;
            }
        }

        return true;
    }

    private void HaltProcessors()
    {
        foreach (var consumer in _consumers)
        {
            consumer.Processor.Halt();
        }
    }

    private bool JoinThreads(TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        var allJoined = true;
        foreach (var consumer in _consumers)
        {
            var thread = consumer.Thread;
            if (thread is null || thread == Thread.CurrentThread)
            {
                continue;
            }

            if (timeout == Timeout.InfiniteTimeSpan)
            {
                thread.Join();
                continue;
            }

            var remaining = timeout - stopwatch.Elapsed;
            if (!thread.Join(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero))
            {
                allJoined = false;
            }
        }

        return allJoined;
    }
}
