namespace Microstructure.Risk.Lending;

/// <summary><see cref="LendingPoolOptions"/> in fixed point, plus the pool's health-factor arithmetic.</summary>
internal sealed class LendingPoolSettings
{
    public LendingPoolSettings(LendingPoolOptions options)
    {
        LoanToValue = FixedPoint.ToRate(options.LoanToValue);
        Threshold = FixedPoint.ToRate(options.LiquidationThreshold);
        Bonus = FixedPoint.ToRate(options.LiquidationBonus);
        EModeLoanToValue = FixedPoint.ToRate(options.EModeLoanToValue);
        EModeThreshold = FixedPoint.ToRate(options.EModeLiquidationThreshold);
        EModeBonus = FixedPoint.ToRate(options.EModeLiquidationBonus);
        CloseFactor = FixedPoint.ToRate(options.CloseFactor);
        CloseFactorThreshold = FixedPoint.ToRate(options.CloseFactorHealthThreshold);
        MinSize = FixedPoint.ToCash(options.MinSizeForPartial);
        Oracle = options.Oracle;
        SellsOnBook = options.LiquidatorSellsOnBook;
    }

    public long LoanToValue { get; }

    public long Threshold { get; }

    public long Bonus { get; }

    public long EModeLoanToValue { get; }

    public long EModeThreshold { get; }

    public long EModeBonus { get; }

    public long CloseFactor { get; }

    public long CloseFactorThreshold { get; }

    public long MinSize { get; }

    public PoolOracle Oracle { get; }

    public bool SellsOnBook { get; }

    /// <summary>HF = collateral × price × k × LT / debt in rate units (floored); <see cref="long.MaxValue"/> without debt.</summary>
    public static long HealthFactor(long collateral, long debt, long price, long k, long threshold) =>
        debt <= 0 ? long.MaxValue : FixedPoint.Saturate((Int128)collateral * price * k * threshold / debt);

    /// <summary>Liquidatable: HF &lt; 1, exactly: collateral·price·k·LT &lt; debt·10⁸.</summary>
    public static bool IsLiquidatable(long collateral, long debt, long price, long k, long threshold) =>
        debt > 0 && (Int128)collateral * price * k * threshold < (Int128)debt * FixedPoint.RateScale;

    /// <summary>
    /// Close factor (Aave v3.3): the configured factor while HF &gt; the threshold and both collateral and debt are worth at
    /// least the minimum; otherwise 100%.
    /// </summary>
    public long CloseFactorFor(long healthFactor, long collateralValue, long debt) =>
        healthFactor > CloseFactorThreshold && collateralValue >= MinSize && debt >= MinSize ? CloseFactor : FixedPoint.RateScale;

    /// <summary>The highest price at which the position is liquidatable: ⌈debt·10⁸ / (collateral·k·LT)⌉ − 1.</summary>
    public static long ThresholdPrice(long collateral, long debt, long k, long threshold, long maxPrice)
    {
        if (debt <= 0)
        {
            return long.MinValue;
        }

        if (collateral <= 0)
        {
            return maxPrice;
        }

        Int128 t = FixedPoint.CeilDiv((Int128)debt * FixedPoint.RateScale, (Int128)collateral * k * threshold) - 1;
        return FixedPoint.Saturate(t);
    }
}
