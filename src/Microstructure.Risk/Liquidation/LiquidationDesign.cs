using Microstructure.Risk.Processing;

namespace Microstructure.Risk.Liquidation;

/// <summary>
/// The run-time side of a liquidation design: what happens to a breached account. One instance per exchange (it may
/// hold state such as auctions or cap counters); it acts only through the exchange's liquidation primitives, on the
/// business-logic thread, inline.
/// </summary>
internal abstract class LiquidationDesign
{
    public abstract LiquidationDesignKind Kind { get; }

    /// <summary>Whether a negative balance left after a liquidation is paid by the insurance fund before it becomes bad debt.</summary>
    public virtual bool CoversDeficitsFromFund => true;

    /// <summary>Handles a freshly breached account (the trigger event is already out). Must finish or park it.</summary>
    public abstract void Start(Exchange exchange, int account, long liquidationId);

    /// <summary>Continues a parked liquidation whose time has come. Must finish or park it again.</summary>
    public virtual void Resume(Exchange exchange, int account, long liquidationId) => exchange.FinishLiquidation(account, liquidationId);

    /// <summary>Time-driven work at the start of each command (auctions).</summary>
    public virtual void OnClock(Exchange exchange)
    {
    }

    /// <summary>
    /// For resumed work: finishes the liquidation when the account is flat or healthy again and returns true;
    /// otherwise returns false and the design carries on.
    /// </summary>
    protected static bool FinishIfResolved(Exchange exchange, int account, long liquidationId)
    {
        if (exchange.LotsOf(account) != 0 && exchange.IsBreached(account))
        {
            return false;
        }

        exchange.FinishLiquidation(account, liquidationId);
        return true;
    }

    /// <summary>An agent's bid in a Dutch auction; other designs refuse it.</summary>
    public virtual RiskRejectReason Take(Exchange exchange, int bidder, long liquidationId, long lots, long limitPrice) => RiskRejectReason.NotEnabled;

    /// <summary>Builds the run-time design for <paramref name="options"/>.</summary>
    public static LiquidationDesign Create(LiquidationDesignOptions options) => options switch
    {
        FullCloseOptions o => new FullCloseDesign(o),
        TieredPartialOptions o => new TieredPartialDesign(o),
        InsuranceFundOptions o => new InsuranceFundDesign(o),
        AdlOptions o => new AdlDesign(o),
        TimeSlicedOptions o => new TimeSlicedDesign(o),
        BackstopVaultOptions o => new BackstopVaultDesign(o),
        DutchAuctionOptions o => new DutchAuctionDesign(o),
        _ => throw new RiskConfigurationException("liquidation.design", $"unknown liquidation design '{options.Name}'"),
    };
}
