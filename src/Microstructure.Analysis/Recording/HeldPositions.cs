namespace Microstructure.Analysis.Recording;

/// <summary>
/// What is still held, unsold, at the end of a run by the insurance fund, the backstop vault and accounts whose
/// liquidation has not finished (an open auction, a deferred slice), valued at the final mark M — read from the
/// recorder's event ledger (<see cref="AccountLedger"/>), not from the exchange. Cash units throughout.
/// </summary>
/// <param name="UnrealizedBadDebt">
/// Σ over those accounts holding a position of max(0, −(cash + (lots + collateral) × M × k − debt)): the loss at the
/// mark beyond the margin (for the fund and the vault: their whole balance) that stands behind it — what closing them at
/// the mark would leave for the fund to cover or to write off. Never negative; apart from realized bad debt.
/// </param>
/// <param name="FundUnrealizedPnl">The fund's position at the mark minus what it cost: lots × M × k − cost basis (&lt; 0: a loss).</param>
/// <param name="FundPositionValue">The fund's position at the mark, lots × M × k (what its cash would gain by closing at the mark).</param>
/// <param name="VaultUnrealizedPnl">The same as <paramref name="FundUnrealizedPnl"/> for the backstop vault.</param>
/// <param name="PositionsInLiquidation">Accounts (not the fund or the vault) still mid-liquidation with a position at the end.</param>
/// <param name="LotsInLiquidation">Σ |lots| of those accounts.</param>
internal readonly record struct HeldPositions(
    long UnrealizedBadDebt,
    long FundUnrealizedPnl,
    long FundPositionValue,
    long VaultUnrealizedPnl,
    int PositionsInLiquidation,
    long LotsInLiquidation);
