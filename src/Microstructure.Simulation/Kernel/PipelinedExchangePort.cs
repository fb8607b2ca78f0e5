using Microstructure.Engine.Processing;
using Microstructure.Ring;
using Microstructure.Risk.Processing;

namespace Microstructure.Simulation.Kernel;

/// <summary>
/// The exchange behind its rings (<see cref="ExchangePipeline"/>): the kernel publishes commands into the input ring
/// (single producer), the business-logic thread applies them, and the kernel reads the output ring back with an
/// <see cref="EventPoller{T}"/> on its own thread. The kernel only waits when it needs the events of a command (its
/// lookahead is up); until then the exchange works in parallel.
/// </summary>
/// <remarks>
/// Never a deadlock: whenever the kernel would wait (input ring full, or a command not applied yet) it drains the
/// output ring into the pending FIFO, so the business-logic thread always has room to publish.
/// </remarks>
internal sealed class PipelinedExchangePort : IExchangePort
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);
    private readonly ExchangePipeline _pipeline;
    private readonly EventPoller<ExchangeEvent> _poller;
    private readonly EventStore _pending;
    private bool _completed;

    public PipelinedExchangePort(Exchange exchange, EventStore pending, int inputRingSize, int outputRingSize)
    {
        _pending = pending;
        EventPoller<ExchangeEvent>? poller = null;
        var options = new EnginePipelineOptions
        {
            InputProducerType = ProducerType.Single,
            InputRingSize = inputRingSize,
            OutputRingSize = outputRingSize,
        };
        _pipeline = new ExchangePipeline(exchange, options, output =>
        {
            poller = output.RingBuffer.NewPoller();
            output.RingBuffer.AddGatingSequences(poller.Sequence);
        });
        _poller = poller!;
        _pipeline.Start();
    }

    public void Send(in ExchangeCommand command, long sequence)
    {
        var input = _pipeline.Input;
        long slot;
        var spin = default(SpinWait);
        while (!input.TryNext(out slot))
        {
            if (Drain() == 0)
            {
                ThrowIfFaulted();
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }

        ref var s = ref input[slot];
        s.SourceSequence = sequence;
        s.Command = command;
        input.Publish(slot);
    }

    public void WaitFor(long sequence)
    {
        var spin = default(SpinWait);
        while (_pipeline.AppliedSequence < sequence)
        {
            if (Drain() == 0)
            {
                ThrowIfFaulted();
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }

        // Applied means every event of the command was published before the sequence moved: read them all.
        Drain();
    }

    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        bool drained = _pipeline.Shutdown(ShutdownTimeout);
        Drain();
        ThrowIfFaulted();
        if (!drained)
        {
            throw new InvalidOperationException("The exchange pipeline did not drain within 30 seconds.");
        }
    }

    public void Dispose()
    {
        _completed = true;
        _pipeline.Dispose();
    }

    private int Drain()
    {
        var handler = new PendingHandler(_pending);
        int before = _pending.Unread;
        while (_poller.Poll(ref handler) == PollState.Processing)
        {
        }

        return _pending.Unread - before;
    }

    private void ThrowIfFaulted()
    {
        if (_pipeline.Fault is { } fault)
        {
            throw new InvalidOperationException("The exchange pipeline faulted.", fault);
        }
    }

    private readonly struct PendingHandler(EventStore pending) : IEventPollHandler<ExchangeEvent>
    {
        public bool OnEvent(ref ExchangeEvent data, long sequence, bool endOfBatch)
        {
            pending.Enqueue(in data);
            return true;
        }
    }
}
