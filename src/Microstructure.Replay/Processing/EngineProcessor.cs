using Microstructure.Engine;
using Microstructure.Engine.Matching;

namespace Microstructure.Replay.Processing;

/// <summary>The plain business logic: the matching engine, no risk layer; market data is only recorded.</summary>
/// <param name="engine">The engine to drive.</param>
internal readonly struct EngineProcessor(MatchingEngine engine) : IReplayProcessor
{
    /// <summary>Builds the processor around a new engine (the factory a replay calls once it knows the instrument).</summary>
    /// <param name="spec">The instrument.</param>
    /// <param name="maxOrders">Capacity of the engine's order pool.</param>
    /// <returns>The processor.</returns>
    public static EngineProcessor Create(InstrumentSpec spec, int maxOrders) => new(new MatchingEngine(spec, maxOrders));

    /// <inheritdoc />
    public MatchingEngine Engine { get; } = engine;

    /// <inheritdoc />
    public void Process<TSink>(in OrderCommand command, ref long sequence, ref TSink sink)
        where TSink : struct, IReplaySink => Engine.Process(in command, sequence++, ref sink);

    /// <inheritdoc />
    public void OnMarketData<TSink>(in MarketDataUpdate update, ref long sequence, ref TSink sink)
        where TSink : struct, IReplaySink
    {
        // The engine alone has no use for trades or mark prices; a risk processor revalues positions here.
    }

    /// <inheritdoc />
    public void Advance<TSink>(long timeNs, long nowNs, ref long sequence, ref TSink sink)
        where TSink : struct, IReplaySink
    {
        // Nothing of its own to do: the engine acts only on commands.
    }
}
