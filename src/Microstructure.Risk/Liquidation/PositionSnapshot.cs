using Microstructure.Risk.Margin;

namespace Microstructure.Risk.Liquidation;

/// <summary>
/// One account's position valued at the mark, read through <see cref="ILiquidationDesk.Position"/>. A copy: read it
/// again after any desk action, which may have changed the position.
/// </summary>
/// <remarks>
/// It holds the ledger's figures and the mark as they were when it was taken; the valuations (equity, maintenance,
/// notional, bankruptcy price) are computed from those when read. Designs take a snapshot several times per
/// liquidation and mostly read only the lots, so computing every valuation up front (brackets, a 128-bit division for
/// the bankruptcy price) cost the cascade benchmark about 5% (issue 10).
/// </remarks>
internal readonly struct PositionSnapshot
{
    private readonly MarginModel _margin;
    private readonly long _costBasis;
    private readonly long _mark;

    /// <summary>Takes the snapshot.</summary>
    /// <param name="margin">The margin model that values it.</param>
    /// <param name="lots">Signed position in lots (0 = flat).</param>
    /// <param name="cash">Settled cash of the ledger that backs the position.</param>
    /// <param name="costBasis">The position's cost basis (for maintenance on an entry-notional basis).</param>
    /// <param name="mark">The mark (ticks) it is valued at; 0 when no mark is set.</param>
    /// <param name="startLots">|position| when the ongoing liquidation started.</param>
    public PositionSnapshot(MarginModel margin, long lots, long cash, long costBasis, long mark, long startLots)
    {
        _margin = margin;
        Lots = lots;
        Cash = cash;
        _costBasis = costBasis;
        _mark = mark;
        StartLots = startLots;
    }

    /// <summary>Signed position in lots (0 = flat).</summary>
    public long Lots { get; }

    /// <summary>Settled cash of the ledger that backs the position.</summary>
    public long Cash { get; }

    /// <summary>|position| when the ongoing liquidation started (time-sliced slices are fractions of it).</summary>
    public long StartLots { get; }

    /// <summary>Cash + lots × mark × k (cash units).</summary>
    public long Equity => _margin.Equity(Cash, Lots, _mark);

    /// <summary>Maintenance margin at the mark (cash units).</summary>
    public long Maintenance => _margin.Maintenance(Lots, _costBasis, _mark);

    /// <summary>|lots| × mark × k (cash units).</summary>
    public long Notional => _margin.Notional(Lots, _mark);

    /// <summary>Equity at or below maintenance at the mark (and the mark is set).</summary>
    public bool IsBreached => _mark > 0 && _margin.IsBreached(Cash, Lots, _costBasis, _mark);

    /// <summary>The price (ticks) at which equity is zero; 0 when flat.</summary>
    public long BankruptcyPrice => Lots == 0 ? 0 : _margin.BankruptcyPrice(Cash, Lots);

    /// <summary>Flat, or healthy again: a liquidation of it has nothing left to do.</summary>
    public bool IsResolved => Lots == 0 || !IsBreached;

    /// <summary>The order side that reduces the position (Sell for a long).</summary>
    public Side ClosingSide => Lots > 0 ? Side.Sell : Side.Buy;
}
