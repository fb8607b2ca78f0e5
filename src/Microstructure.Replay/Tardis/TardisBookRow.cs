using Microstructure.Engine;

namespace Microstructure.Replay.Tardis;

/// <summary>One incremental_book_L2 row.</summary>
/// <param name="TimeNs">Exchange time (local time when the exchange gave none), ns since the epoch.</param>
/// <param name="LocalTimeNs">Arrival time, ns since the epoch; rows are ordered and grouped by it.</param>
/// <param name="IsSnapshot">Part of a full-book snapshot.</param>
/// <param name="Side">Bid or ask.</param>
/// <param name="Price">Ticks.</param>
/// <param name="Amount">New level total in lots (0 removes the level).</param>
internal readonly record struct TardisBookRow(long TimeNs, long LocalTimeNs, bool IsSnapshot, Side Side, long Price, long Amount);
