namespace Microstructure.Risk.Liquidation;

/// <summary>
/// The run-time side of a liquidation design: what happens to a breached account. One instance per exchange (it may
/// hold state such as auctions or cap counters); it acts only through the <see cref="ILiquidationDesk"/> it is given,
/// on the business-logic thread, inline. Called per liquidation, never per fill.
/// </summary>
internal abstract class LiquidationDesign
{
    /// <summary>The design's name on liquidation and fund events.</summary>
    public abstract LiquidationDesignKind Kind { get; }

    /// <summary>Whether a negative balance left after a liquidation is paid by the insurance fund before it becomes bad debt.</summary>
    public virtual bool CoversDeficitsFromFund => true;

    /// <summary>
    /// Handles a freshly breached account (its trigger event is already out, its orders still live). Must
    /// <see cref="ILiquidationDesk.Finish"/> or <see cref="ILiquidationDesk.Park"/> it — or hold it and finish later.
    /// </summary>
    public abstract void Start(ILiquidationDesk desk, int account, LiquidationScope scope);

    /// <summary>Continues a parked liquidation whose time has come. Must finish or park it again.</summary>
    public virtual void Resume(ILiquidationDesk desk, int account, LiquidationScope scope) => desk.Finish(account, scope);

    /// <summary>Time-driven work each time the clock moves (auctions); runs outside any liquidation's scope.</summary>
    public virtual void OnClock(ILiquidationDesk desk)
    {
    }

    /// <summary>An agent's bid in a Dutch auction; other designs refuse it.</summary>
    public virtual RiskRejectReason Take(ILiquidationDesk desk, int bidder, long liquidationId, long lots, long limitPrice) => RiskRejectReason.NotEnabled;

    /// <summary>
    /// For resumed work: finishes the liquidation when the account is flat or healthy again and returns true;
    /// otherwise returns false and the design carries on.
    /// </summary>
    protected static bool FinishIfResolved(ILiquidationDesk desk, int account, LiquidationScope scope)
    {
        if (!desk.Position(account).IsResolved)
        {
            return false;
        }

        desk.Finish(account, scope);
        return true;
    }
}
