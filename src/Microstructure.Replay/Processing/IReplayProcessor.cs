using Microstructure.Engine;
using Microstructure.Engine.Matching;

namespace Microstructure.Replay.Processing;

/// <summary>
/// The business logic a replay drives: the matching engine alone (<see cref="EngineProcessor"/>), or the risk
/// layer's exchange with a leveraged population in it (<c>ExchangeProcessor</c>).
/// </summary>
/// <remarks>
/// Implement it with a struct and pass it as a generic argument so the replay's hot loop calls it directly.
/// Everything runs on the replay's thread, in the order of the historical stream (DESIGN §2: one business-logic
/// thread). An implementation may emit extra events into <c>sink</c> (e.g. the fills of liquidation orders it sends
/// inline, right after the command or market-data update that triggered them); the replay records them on the tape
/// and reconciles later historical events against the liquidity they took, exactly as for injected orders, provided
/// they use an account other than <see cref="ReplayAccounts.Historical"/>.
/// <para>Sequence numbers: every command the processor applies takes the next number from <c>sequence</c>
/// (<c>sequence++</c>), so a processor that sends several commands for one replay step (deposits, retries, a
/// population's opening orders) leaves <c>sequence</c> at the next free number.</para>
/// </remarks>
internal interface IReplayProcessor
{
    /// <summary>The book the replay reconstructs; the replay reads it (levels, orders) between commands.</summary>
    MatchingEngine Engine { get; }

    /// <summary>Applies one command (historical or injected) and emits its events.</summary>
    /// <typeparam name="TSink">The replay's struct sink.</typeparam>
    /// <param name="command">The command.</param>
    /// <param name="sequence">The next free command sequence; advanced past every command applied.</param>
    /// <param name="sink">Receives the events.</param>
    void Process<TSink>(in OrderCommand command, ref long sequence, ref TSink sink)
        where TSink : struct, IReplaySink;

    /// <summary>
    /// Sees market data that does not change the book by itself: historical trades, liquidations, mark/index
    /// prices, funding, open interest, halts. A risk layer revalues positions here and may liquidate.
    /// </summary>
    /// <typeparam name="TSink">The replay's struct sink.</typeparam>
    /// <param name="update">The market data.</param>
    /// <param name="sequence">The next free command sequence; advanced past any command this applies.</param>
    /// <param name="sink">Receives the events of any orders it sends.</param>
    void OnMarketData<TSink>(in MarketDataUpdate update, ref long sequence, ref TSink sink)
        where TSink : struct, IReplaySink;

    /// <summary>
    /// Called before the replay applies a historical event at <paramref name="timeNs"/> (and before each injected
    /// order, with the order's time + 1 ns; once at the end with <see cref="long.MaxValue"/>): the processor runs the
    /// work of its own that is due — e.g. a population whose entry time lies before <paramref name="timeNs"/> opens
    /// its positions, after every historical event at or before its entry time.
    /// </summary>
    /// <typeparam name="TSink">The replay's struct sink.</typeparam>
    /// <param name="timeNs">Source time of the next event, nanoseconds.</param>
    /// <param name="nowNs">The replay's clock (the time of the last event applied), stamped on anything sent now.</param>
    /// <param name="sequence">The next free command sequence; advanced past any command this applies.</param>
    /// <param name="sink">Receives the events.</param>
    void Advance<TSink>(long timeNs, long nowNs, ref long sequence, ref TSink sink)
        where TSink : struct, IReplaySink;
}
