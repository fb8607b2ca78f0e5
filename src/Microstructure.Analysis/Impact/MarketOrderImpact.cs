using Microstructure.Engine;

namespace Microstructure.Analysis.Impact;

/// <summary>
/// One aggressive (market or marketable) order as the impact analysis needs it. Mid prices are integers in one
/// unit chosen by the recorder (ticks, or half-ticks so that (bid + ask) stays exact); the unit cancels in the
/// relative impacts. A mid ≤ 0 means "unknown" (an empty book side, or the run ended before the horizon).
/// </summary>
/// <param name="TimeNs">When the order hit the book (ns).</param>
/// <param name="Side">Aggressor side: Buy lifts asks (+1), Sell hits bids (−1).</param>
/// <param name="Quantity">Filled quantity in lots (Q).</param>
/// <param name="MidBefore">Mid just before the order.</param>
/// <param name="MidAfter">Mid just after the order's fills (immediate impact).</param>
/// <param name="MidLater">Mid a fixed horizon after the order (permanent impact), or ≤ 0 when unknown.</param>
public readonly record struct MarketOrderImpact(
    long TimeNs,
    Side Side,
    long Quantity,
    long MidBefore,
    long MidAfter,
    long MidLater);
