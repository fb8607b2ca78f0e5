using Microstructure.Engine;
using Microstructure.Engine.Matching;

namespace Microstructure.Replay.Processing;

/// <summary>
/// The business logic a replay drives: the matching engine alone (<see cref="EngineProcessor"/>), or later the
/// engine plus the risk layer (positions, mark price, a liquidation design) — the seam for replaying a historical
/// book with a leveraged population in it.
/// </summary>
/// <remarks>
/// Implement it with a struct and pass it as a generic argument so the replay's hot loop calls it directly.
/// Everything runs on the replay's thread, in the order of the historical stream (DESIGN §2: one business-logic
/// thread). An implementation may emit extra events into <c>sink</c> (e.g. the fills of liquidation orders it sends
/// to <see cref="Engine"/> inline, right after the command or market-data update that triggered them); the replay
/// records them on the tape and reconciles later historical events against the liquidity they took, exactly as for
/// injected orders, provided they use an account other than <see cref="ReplayAccounts.Historical"/>.
/// </remarks>
public interface IReplayProcessor
{
    /// <summary>The book the replay reconstructs; the replay reads it (levels, orders) between commands.</summary>
    MatchingEngine Engine { get; }

    /// <summary>Applies one command (historical or injected) and emits its events.</summary>
    /// <typeparam name="TSink">The replay's struct sink.</typeparam>
    /// <param name="command">The command.</param>
    /// <param name="sequence">The replay's command sequence.</param>
    /// <param name="sink">Receives the events.</param>
    void Process<TSink>(in OrderCommand command, long sequence, ref TSink sink)
        where TSink : struct, IEngineEventSink;

    /// <summary>
    /// Sees market data that does not change the book by itself: historical trades, liquidations, mark/index
    /// prices, funding, open interest, halts. A risk layer revalues positions here and may liquidate (by calling
    /// <see cref="Engine"/> and emitting the events into <paramref name="sink"/>).
    /// </summary>
    /// <typeparam name="TSink">The replay's struct sink.</typeparam>
    /// <param name="update">The market data.</param>
    /// <param name="sequence">The replay's command sequence for anything this emits.</param>
    /// <param name="sink">Receives the events of any orders it sends.</param>
    void OnMarketData<TSink>(in MarketDataUpdate update, long sequence, ref TSink sink)
        where TSink : struct, IEngineEventSink;
}
