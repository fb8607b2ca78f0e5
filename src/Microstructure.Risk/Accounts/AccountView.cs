namespace Microstructure.Risk.Accounts;

/// <summary>A read-only copy of one account's state, valued at the current mark.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Mode">Cross or isolated.</param>
/// <param name="Leverage">Leverage for initial margin.</param>
/// <param name="Lots">Signed position in lots.</param>
/// <param name="MarginCash">Settled cash of the ledger backing the position (cross: the whole account).</param>
/// <param name="FreeCash">Isolated: cash not allocated to the position; cross: 0.</param>
/// <param name="CostBasis">Signed entry notional of the open position (cash units).</param>
/// <param name="WalletBalance">MarginCash + FreeCash + CostBasis: deposits + realised PnL − fees ± funding.</param>
/// <param name="UnrealizedPnl">Lots × mark × k − CostBasis.</param>
/// <param name="Equity">MarginCash + Lots × mark × k (the position ledger's equity).</param>
/// <param name="MaintenanceMargin">Maintenance margin at the mark.</param>
/// <param name="MarginRatio">MM / equity in rate units (≥ 10⁸ = breached); 0 when flat.</param>
/// <param name="BankruptcyPrice">Price at which equity is zero (ticks), 0 when flat.</param>
/// <param name="LiquidationPrice">The threshold the index holds (ticks), 0 when no price in range breaches it.</param>
/// <param name="OpenBuyLots">Live non-reduce-only buy orders.</param>
/// <param name="OpenSellLots">Live non-reduce-only sell orders.</param>
/// <param name="IsSystem">Fund, vault, pool liquidator or keeper.</param>
/// <param name="InLiquidation">Owned by an ongoing liquidation.</param>
/// <param name="Collateral">Lending: lots posted.</param>
/// <param name="Debt">Lending: cash owed.</param>
/// <param name="Supplied">Lending: cash supplied.</param>
/// <param name="HealthFactor">Lending: HF in rate units; <see cref="long.MaxValue"/> without debt.</param>
public readonly record struct AccountView(
    long AccountId,
    MarginMode Mode,
    int Leverage,
    long Lots,
    long MarginCash,
    long FreeCash,
    long CostBasis,
    long WalletBalance,
    long UnrealizedPnl,
    long Equity,
    long MaintenanceMargin,
    long MarginRatio,
    Price BankruptcyPrice,
    Price LiquidationPrice,
    long OpenBuyLots,
    long OpenSellLots,
    bool IsSystem,
    bool InLiquidation,
    long Collateral,
    long Debt,
    long Supplied,
    long HealthFactor);
