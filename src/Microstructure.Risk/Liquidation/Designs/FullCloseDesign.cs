namespace Microstructure.Risk.Liquidation.Designs;

/// <summary><c>full-close</c>: cancel orders, one market order for the whole position; see <see cref="FullCloseOptions"/>.</summary>
internal sealed class FullCloseDesign(FullCloseOptions options) : LiquidationDesign
{
    private readonly long _fee = FixedPoint.ToRate(options.ClearanceFeeRate);
    private readonly long _retry = Check.Seconds(options.RetrySeconds, "liquidation.options.retrySeconds", allowZero: false);

    public override LiquidationDesignKind Kind => LiquidationDesignKind.FullClose;

    public override bool CoversDeficitsFromFund => options.CoverDeficitsFromFund;

    public override void Start(ILiquidationDesk desk, int account, LiquidationScope scope)
    {
        desk.CancelAllOrders(account, scope);
        desk.ChargeClearanceFee(account, desk.Position(account).Notional, _fee, scope);
        Close(desk, account, scope);
    }

    public override void Resume(ILiquidationDesk desk, int account, LiquidationScope scope)
    {
        if (!FinishIfResolved(desk, account, scope))
        {
            Close(desk, account, scope);
        }
    }

    private void Close(ILiquidationDesk desk, int account, LiquidationScope scope)
    {
        var position = desk.Position(account);
        desk.SendOrder(account, position.ClosingSide, Math.Abs(position.Lots), 0, fillOrKill: false, scope);
        if (!desk.Position(account).IsResolved)
        {
            var market = desk.Market;
            if (market.IsHalted)
            {
                desk.Park(account, market.HaltedUntil, scope);
                return;
            }

            if (options.Remainder == RemainderHandling.Retry)
            {
                desk.Park(account, market.Now + _retry, scope);
                return;
            }

            // What the book could not take is closed against the opposite side.
            desk.AutoDeleverage(account, options.AdlRanking, 0, scope);
        }

        desk.Finish(account, scope);
    }
}
