using Microstructure.Engine;
using Microstructure.Engine.Matching;

namespace Microstructure.Replay.Processing;

/// <summary>The plain business logic: the matching engine, no risk layer; market data is only recorded.</summary>
/// <param name="engine">The engine to drive.</param>
public readonly struct EngineProcessor(MatchingEngine engine) : IReplayProcessor
{
    /// <inheritdoc />
    public MatchingEngine Engine { get; } = engine;

    /// <inheritdoc />
    public void Process<TSink>(in OrderCommand command, long sequence, ref TSink sink)
        where TSink : struct, IEngineEventSink => Engine.Process(in command, sequence, ref sink);

    /// <inheritdoc />
    public void OnMarketData<TSink>(in MarketDataUpdate update, long sequence, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        // The engine alone has no use for trades or mark prices; a risk processor would revalue positions here.
    }
}
