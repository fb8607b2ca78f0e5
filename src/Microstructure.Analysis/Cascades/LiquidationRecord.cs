using Microstructure.Engine;

namespace Microstructure.Analysis.Cascades;

/// <summary>
/// One liquidation as the cascade analysis needs it; the recorders map the risk layer's liquidation events to it.
/// </summary>
/// <param name="Id">Unique id (≥ 0) of this liquidation.</param>
/// <param name="ParentId">
/// Id of the liquidation whose fills moved the mark past this one's threshold, or <see cref="NoParent"/> when an
/// exogenous move (a shock, ordinary flow) triggered it: such a liquidation is the root of a cascade.
/// </param>
/// <param name="TimeNs">When the liquidation order hit the book (ns).</param>
/// <param name="Notional">Liquidated notional in the run's fixed-point cash units.</param>
/// <param name="Side">Side of the liquidation <em>order</em>: Sell closes a long, Buy closes a short.</param>
/// <param name="MidBefore">Mid just before the liquidation order (integer mid units; ≤ 0 if unknown).</param>
/// <param name="MidAfter">Mid just after its fills.</param>
public readonly record struct LiquidationRecord(
    long Id,
    long ParentId,
    long TimeNs,
    long Notional,
    Side Side,
    long MidBefore,
    long MidAfter)
{
    /// <summary>The <see cref="ParentId"/> of a root liquidation.</summary>
    public const long NoParent = -1;

    /// <summary>True when another liquidation triggered this one.</summary>
    public bool HasParent => ParentId != NoParent;
}
