using Microstructure.Engine.Matching;
using Microstructure.Ring;

namespace Microstructure.Engine.Processing;

/// <summary>
/// The input ring's consumer: applies each command to the matching engine on this one thread and publishes the
/// resulting events to the output ring. Everything that changes book state happens here, in sequence order.
/// </summary>
internal struct BusinessLogicHandler(
    MatchingEngine engine,
    OutputRingSink sink,
    CommandResequencer? resequencer,
    Action? threadStarted)
    : IEventHandler<SequencedCommand>
{
    private readonly MatchingEngine _engine = engine;
    private readonly CommandResequencer? _resequencer = resequencer;
    private readonly Action? _threadStarted = threadStarted;
    private OutputRingSink _sink = sink;

    /// <inheritdoc />
    public void OnEvent(ref SequencedCommand data, long sequence, bool endOfBatch)
    {
        if (_resequencer is null)
        {
            _engine.Process(in data.Command, sequence, ref _sink);
        }
        else
        {
            _resequencer.Accept(in data, _engine, ref _sink);
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
