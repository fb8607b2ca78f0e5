namespace Microstructure.Risk.Liquidation.Designs;

/// <summary><c>backstop-vault</c>: market close, or vault takeover below a fraction of MM; see <see cref="BackstopVaultOptions"/>.</summary>
internal sealed class BackstopVaultDesign(BackstopVaultOptions options) : LiquidationDesign
{
    private readonly long _fraction = FixedPoint.ToRate(options.BackstopFraction);
    private readonly long _unwindFraction = FixedPoint.ToRate(options.UnwindFraction);
    private readonly long _unwindInterval = Check.Seconds(options.UnwindIntervalSeconds, "liquidation.options.unwindIntervalSeconds", allowZero: true);

    public override LiquidationDesignKind Kind => LiquidationDesignKind.BackstopVault;

    public override void Start(ILiquidationDesk desk, int account, LiquidationScope scope)
    {
        desk.CancelAllOrders(account, scope);
        Run(desk, account, scope);
    }

    public override void Resume(ILiquidationDesk desk, int account, LiquidationScope scope)
    {
        if (!FinishIfResolved(desk, account, scope))
        {
            Run(desk, account, scope);
        }
    }

    private void Run(ILiquidationDesk desk, int account, LiquidationScope scope)
    {
        var position = desk.Position(account);
        if (!BelowBackstop(in position))
        {
            desk.SendOrder(account, position.ClosingSide, Math.Abs(position.Lots), 0, fillOrKill: false, scope);
            var market = desk.Market;
            if (!desk.Position(account).IsResolved && market.IsHalted)
            {
                desk.Park(account, market.HaltedUntil, scope);
                return;
            }
        }

        if (!desk.Position(account).IsResolved)
        {
            desk.VaultTakeover(account, _unwindInterval, _unwindFraction, scope);
        }

        desk.Finish(account, scope);
    }

    /// <summary>Equity &lt; fraction × MM, compared exactly.</summary>
    private bool BelowBackstop(in PositionSnapshot position) =>
        (Int128)position.Equity * FixedPoint.RateScale < (Int128)position.Maintenance * _fraction;
}
