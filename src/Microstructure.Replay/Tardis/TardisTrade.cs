using Microstructure.Engine;

namespace Microstructure.Replay.Tardis;

/// <summary>A trades or liquidations row.</summary>
/// <param name="TimeNs">Exchange time, ns since the epoch.</param>
/// <param name="LocalTimeNs">Arrival time, ns.</param>
/// <param name="Side">Trades: aggressor side (null: unknown). Liquidations: side of the liquidation order (sell = a long was liquidated).</param>
/// <param name="Price">Ticks.</param>
/// <param name="Amount">Lots.</param>
internal readonly record struct TardisTrade(long TimeNs, long LocalTimeNs, Side? Side, long Price, long Amount);
