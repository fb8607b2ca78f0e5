namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>One entry of the liquidation queue, stamped when the breach was found.</summary>
internal struct LiquidationTicket
{
    public int Account;
    public TicketKind Kind;
    public LiquidationCause Cause;
    public long TriggerSequence;
    public long TriggerMark;
    public long MarkBefore;
    public long Parent;
    public long LiquidationId;

    /// <summary>Pool unwind: the lots of this liquidation's seizure still to sell.</summary>
    public long Lots;

    /// <summary>Earliest clock time (ns) the ticket may be worked; set by the queue.</summary>
    public long NotBefore;
}
