namespace Microstructure.Risk.Liquidation;

/// <summary>
/// One account's position valued at the mark, read through <see cref="ILiquidationDesk.Position"/>. A copy: read it
/// again after any desk action, which may have changed the position.
/// </summary>
/// <param name="Lots">Signed position in lots (0 = flat).</param>
/// <param name="Cash">Settled cash of the ledger that backs the position.</param>
/// <param name="Equity">Cash + lots × mark × k (cash units).</param>
/// <param name="Maintenance">Maintenance margin at the mark (cash units).</param>
/// <param name="Notional">|lots| × mark × k (cash units).</param>
/// <param name="StartLots">|position| when the ongoing liquidation started (time-sliced slices are fractions of it).</param>
/// <param name="IsBreached">Equity at or below maintenance at the current mark (and the mark is set).</param>
/// <param name="BankruptcyPrice">The price (ticks) at which equity is zero; 0 when flat.</param>
internal readonly record struct PositionSnapshot(
    long Lots,
    long Cash,
    long Equity,
    long Maintenance,
    long Notional,
    long StartLots,
    bool IsBreached,
    long BankruptcyPrice)
{
    /// <summary>Flat, or healthy again: a liquidation of it has nothing left to do.</summary>
    public bool IsResolved => Lots == 0 || !IsBreached;

    /// <summary>The order side that reduces the position (Sell for a long).</summary>
    public Side ClosingSide => Lots > 0 ? Side.Sell : Side.Buy;
}
