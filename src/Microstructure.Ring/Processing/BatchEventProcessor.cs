using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Microstructure.Ring;

/// <summary>
/// The consumer loop: waits once for a batch of available events, hands each to the handler with
/// <c>endOfBatch</c> on the last one, then publishes its own progress once per batch. The
/// handler is called through the <typeparamref name="THandler"/> type parameter, so struct
/// handlers are devirtualised and can be inlined.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
/// <typeparam name="THandler">The handler type; prefer a struct.</typeparam>
public sealed class BatchEventProcessor<T, THandler> : IEventProcessor
    where T : struct
    where THandler : IEventHandler<T>
{
    private const int Idle = 0;
    private const int Halted = 1;
    private const int Running = 2;

    private readonly RingBuffer<T> _ringBuffer;
    private readonly SequenceBarrier _barrier;
    private readonly Sequence _sequence = new();
    private IExceptionHandler<T> _exceptionHandler = new FatalExceptionHandler<T>();
    private int _runState = Idle;

    // 1 while a thread is inside Run, whatever Halt did to _runState meanwhile (IsRunning must not report a
    // halted-but-still-busy thread as gone).
    private int _insideRun;

    // Not readonly: a struct handler mutates its own state, and Handler returns a ref to it.
    private THandler _handler;

    /// <summary>Creates a processor.</summary>
    /// <param name="ringBuffer">The ring to read.</param>
    /// <param name="barrier">The barrier to wait on (from <see cref="RingBuffer{T}.NewBarrier"/>).</param>
    /// <param name="handler">The handler; a struct is copied into the processor.</param>
    public BatchEventProcessor(RingBuffer<T> ringBuffer, SequenceBarrier barrier, THandler handler)
    {
        ArgumentNullException.ThrowIfNull(ringBuffer);
        ArgumentNullException.ThrowIfNull(barrier);
        ArgumentNullException.ThrowIfNull(handler);
        _ringBuffer = ringBuffer;
        _barrier = barrier;
        _handler = handler;
    }

    /// <inheritdoc/>
    public Sequence Sequence => _sequence;

    /// <summary>The barrier this processor waits on.</summary>
    public SequenceBarrier Barrier => _barrier;

    /// <summary>
    /// The handler stored in the processor, by reference, so that a struct handler's state can be
    /// read after the processor has halted. Do not touch it while the processor is running.
    /// </summary>
    public ref THandler Handler => ref _handler;

    /// <inheritdoc/>
    public bool IsRunning => Volatile.Read(ref _insideRun) != 0;

    /// <summary>Sets the exception policy (default: <see cref="FatalExceptionHandler{T}"/>). Call before <see cref="Run"/>.</summary>
    /// <param name="exceptionHandler">The policy.</param>
    public void SetExceptionHandler(IExceptionHandler<T> exceptionHandler)
    {
        ArgumentNullException.ThrowIfNull(exceptionHandler);
        _exceptionHandler = exceptionHandler;
    }

    /// <inheritdoc/>
    public void Halt()
    {
        Interlocked.Exchange(ref _runState, Halted);
        _barrier.Alert();
    }

    /// <inheritdoc/>
    public void Run()
    {
        if (Interlocked.Exchange(ref _insideRun, 1) != 0)
        {
            ThrowHelper.ThrowAlreadyRunning();
        }

        try
        {
            if (Interlocked.CompareExchange(ref _runState, Running, Idle) == Halted)
            {
                // Halted before it ever ran: honour the halt, but keep the start/shutdown contract.
                try
                {
                    NotifyStart();
                }
                finally
                {
                    NotifyShutdown();
                }

                return;
            }

            _barrier.ResetProcessing();
            try
            {
                NotifyStart();
                ProcessEvents();
            }
            finally
            {
                NotifyShutdown();
            }
        }
        finally
        {
            Volatile.Write(ref _runState, Idle);
            Volatile.Write(ref _insideRun, 0);
        }
    }

    private void ProcessEvents()
    {
        var nextSequence = _sequence.Value + 1;
        var spinWait = default(SpinWait);
        ExceptionDispatchInfo? haltedByPolicy = null;

        // Checked after ResetProcessing: a Halt that raced with the start is not lost.
        while (Volatile.Read(ref _runState) == Running)
        {
            try
            {
                var waitResult = _barrier.WaitFor(nextSequence);
                var availableSequence = waitResult.UnsafeAvailableSequence;
                if (availableSequence >= nextSequence)
                {
                    haltedByPolicy = NotifyBatchStart(availableSequence - nextSequence + 1);
                    if (haltedByPolicy is not null)
                    {
                        break;
                    }

                    while (nextSequence <= availableSequence)
                    {
                        _handler.OnEvent(ref _ringBuffer[nextSequence], nextSequence, nextSequence == availableSequence);
                        nextSequence++;
                    }

                    _sequence.SetValue(availableSequence);
                    spinWait = default;
                }
                else if (waitResult.IsTimeout)
                {
                    NotifyTimeout();
                }
                else
                {
                    // A multi-producer slot is claimed but not yet published; its producer may
                    // have been preempted, so give it the core instead of spinning hot.
                    spinWait.SpinOnce(sleep1Threshold: -1);
                }
            }
            catch (OperationCanceledException) when (_barrier.IsAlerted)
            {
                // Halt alerted the barrier; the loop condition decides whether to stop.
            }
            catch (Exception ex)
            {
                HandleEventException(ex, nextSequence);
                nextSequence++;
            }
        }

        // The policy chose to halt on an OnBatchStart failure: stop before the batch, with the fault reported.
        haltedByPolicy?.Throw();
    }

    /// <summary>
    /// Calls OnBatchStart apart from the events: its failure is not any event's, so the policy decides between going
    /// on (the batch is delivered in full) and halting (returned, to be rethrown outside the loop).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ExceptionDispatchInfo? NotifyBatchStart(long batchSize)
    {
        try
        {
            _handler.OnBatchStart(batchSize);
            return null;
        }
        catch (Exception ex)
        {
            return HandleBatchStartException(ex);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ExceptionDispatchInfo? HandleBatchStartException(Exception ex)
    {
        try
        {
            _exceptionHandler.HandleOnBatchStartException(ex);
            return null;
        }
        catch (Exception halt)
        {
            return ExceptionDispatchInfo.Capture(halt);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void HandleEventException(Exception ex, long sequence)
    {
        // Events before the failing one are done; record that before the policy decides.
        _sequence.SetValue(sequence - 1);
        _exceptionHandler.HandleEventException(ex, sequence, ref _ringBuffer[sequence]);

        // The policy returned: skip the failing event.
        _sequence.SetValue(sequence);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NotifyTimeout()
    {
        var sequence = _sequence.Value;
        try
        {
            _handler.OnTimeout(sequence);
        }
        catch (Exception ex)
        {
            // Not an event failure: nothing is skipped, whatever the policy does.
            _exceptionHandler.HandleEventException(ex, sequence, ref _ringBuffer[sequence]);
        }
    }

    private void NotifyStart()
    {
        try
        {
            _handler.OnStart();
        }
        catch (Exception ex)
        {
            _exceptionHandler.HandleOnStartException(ex);
        }
    }

    private void NotifyShutdown()
    {
        try
        {
            _handler.OnShutdown();
        }
        catch (Exception ex)
        {
            _exceptionHandler.HandleOnShutdownException(ex);
        }
    }
}
