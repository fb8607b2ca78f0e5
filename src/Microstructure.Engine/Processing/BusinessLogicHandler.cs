using Microstructure.Ring;

namespace Microstructure.Engine.Processing;

/// <summary>
/// The input ring's consumer: applies each slot to the processor on this one thread and publishes the resulting
/// events to the output ring. Everything that changes business state happens here, in sequence order.
/// </summary>
internal struct BusinessLogicHandler<TSlot, TEvent, TProcessor>(
    TProcessor processor,
    OutputRingSink<TEvent> sink,
    CommandResequencer<TSlot>? resequencer,
    Action? threadStarted)
    : IEventHandler<TSlot>
    where TSlot : struct, ISequencedSlot
    where TEvent : struct
    where TProcessor : struct, ICommandProcessor<TSlot, TEvent>
{
    private readonly CommandResequencer<TSlot>? _resequencer = resequencer;
    private readonly Action? _threadStarted = threadStarted;
    private TProcessor _processor = processor;
    private OutputRingSink<TEvent> _sink = sink;

    /// <inheritdoc />
    public void OnEvent(ref TSlot data, long sequence, bool endOfBatch)
    {
        if (_resequencer is null)
        {
            _processor.Process(in data, sequence, ref _sink);
        }
        else
        {
            _resequencer.Accept<TEvent, TProcessor, OutputRingSink<TEvent>>(in data, ref _processor, ref _sink);
        }
    }

    /// <inheritdoc />
    public readonly void OnBatchStart(long batchSize)
    {
    }

    /// <inheritdoc />
    public readonly void OnStart() => _threadStarted?.Invoke();

    /// <inheritdoc />
    public readonly void OnShutdown()
    {
    }

    /// <inheritdoc />
    public readonly void OnTimeout(long sequence)
    {
    }
}
