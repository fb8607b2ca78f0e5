namespace Microstructure.Risk.Lending;

/// <summary>
/// An Aave-v3-like pool over the contract's asset: accounts post lots of the asset as collateral and borrow cash.
/// Health factor HF = collateral × price × LT / debt; below 1 a protocol liquidator repays part of the debt
/// (close factor), seizes collateral worth that plus the bonus and sells it on the order book.
/// </summary>
public sealed record LendingPoolOptions
{
    /// <summary>Loan-to-value limit for borrowing. Default 0.80 (Aave v3 WETH).</summary>
    public decimal LoanToValue { get; init; } = 0.80m;

    /// <summary>Liquidation threshold LT. Default 0.825 (Aave v3 WETH).</summary>
    public decimal LiquidationThreshold { get; init; } = 0.825m;

    /// <summary>Liquidation bonus. Default 0.05 (Aave v3 WETH).</summary>
    public decimal LiquidationBonus { get; init; } = 0.05m;

    /// <summary>E-mode loan-to-value. Default 0.90 (DESIGN.md §3 ETH e-mode).</summary>
    public decimal EModeLoanToValue { get; init; } = 0.90m;

    /// <summary>E-mode liquidation threshold. Default 0.93.</summary>
    public decimal EModeLiquidationThreshold { get; init; } = 0.93m;

    /// <summary>E-mode liquidation bonus. Default 0.01.</summary>
    public decimal EModeLiquidationBonus { get; init; } = 0.01m;

    /// <summary>Close factor while HF is above <see cref="CloseFactorHealthThreshold"/> and both sides are above <see cref="MinSizeForPartial"/>. Default 0.5.</summary>
    public decimal CloseFactor { get; init; } = 0.5m;

    /// <summary>At or below this HF the close factor is 100%. Default 0.95 (Aave v3.3).</summary>
    public decimal CloseFactorHealthThreshold { get; init; } = 0.95m;

    /// <summary>Below this collateral or debt value (quote) the close factor is 100%. Default 2,000 (Aave v3.3).</summary>
    public decimal MinSizeForPartial { get; init; } = 2_000m;

    /// <summary>Which price values collateral. Default <see cref="PoolOracle.Mark"/>.</summary>
    public PoolOracle Oracle { get; init; } = PoolOracle.Mark;

    /// <summary>The protocol liquidator sells seized collateral on the order book at once. Default true.</summary>
    public bool LiquidatorSellsOnBook { get; init; } = true;

    internal void Validate(string path)
    {
        Check.Rate(LoanToValue, $"{path}.loanToValue", 0m, 1m, minInclusive: false, maxInclusive: false);
        Check.Rate(LiquidationThreshold, $"{path}.liquidationThreshold", 0m, 1m, minInclusive: false, maxInclusive: false);
        Check.That(LiquidationThreshold >= LoanToValue, $"{path}.liquidationThreshold", "must be at least loanToValue");
        Check.Rate(LiquidationBonus, $"{path}.liquidationBonus", 0m, 1m);
        Check.Rate(EModeLoanToValue, $"{path}.eModeLoanToValue", 0m, 1m, minInclusive: false, maxInclusive: false);
        Check.Rate(EModeLiquidationThreshold, $"{path}.eModeLiquidationThreshold", 0m, 1m, minInclusive: false, maxInclusive: false);
        Check.That(EModeLiquidationThreshold >= EModeLoanToValue, $"{path}.eModeLiquidationThreshold", "must be at least eModeLoanToValue");
        Check.Rate(EModeLiquidationBonus, $"{path}.eModeLiquidationBonus", 0m, 1m);
        Check.Rate(CloseFactor, $"{path}.closeFactor", 0m, 1m, minInclusive: false);
        Check.Rate(CloseFactorHealthThreshold, $"{path}.closeFactorHealthThreshold", 0m, 1m);
        Check.Cash(MinSizeForPartial, $"{path}.minSizeForPartial");
        Check.That(Enum.IsDefined(Oracle), $"{path}.oracle", $"must be 'mark' or 'index'; got {Oracle}");
    }
}
