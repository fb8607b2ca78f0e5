using Microstructure.Engine;
using Microstructure.Engine.Matching;
using Microstructure.Replay.Processing;

namespace Microstructure.Replay.Population;

/// <summary>
/// The replay's processor for a leveraged population: every command goes through the risk layer's exchange held by
/// <see cref="ReplayExchange"/> (margin checks, mark, detection, the liquidation design), so liquidation orders are
/// matched inline against the replayed book and reconciled like injected orders.
/// </summary>
/// <param name="exchange">The exchange and its population.</param>
internal readonly struct ExchangeProcessor(ReplayExchange exchange) : IReplayProcessor
{
    private readonly ReplayExchange _exchange = exchange;

    /// <inheritdoc />
    public MatchingEngine Engine => _exchange.Exchange.Engine;

    /// <inheritdoc />
    public void Process<TSink>(in OrderCommand command, ref long sequence, ref TSink sink)
        where TSink : struct, IReplaySink => _exchange.Process(in command, ref sequence, ref sink);

    /// <inheritdoc />
    public void OnMarketData<TSink>(in MarketDataUpdate update, ref long sequence, ref TSink sink)
        where TSink : struct, IReplaySink => _exchange.OnMarketData(in update, ref sequence, ref sink);

    /// <inheritdoc />
    public void Advance<TSink>(long timeNs, long nowNs, ref long sequence, ref TSink sink)
        where TSink : struct, IReplaySink => _exchange.Advance(timeNs, nowNs, ref sequence, ref sink);
}
