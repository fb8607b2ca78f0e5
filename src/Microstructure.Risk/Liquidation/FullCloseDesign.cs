using Microstructure.Risk.Processing;

namespace Microstructure.Risk.Liquidation;

/// <summary><c>full-close</c>: cancel orders, one market order for the whole position; see <see cref="FullCloseOptions"/>.</summary>
internal sealed class FullCloseDesign(FullCloseOptions options) : LiquidationDesign
{
    private readonly long _fee = FixedPoint.ToRate(options.ClearanceFeeRate);
    private readonly long _retry = Check.Seconds(options.RetrySeconds, "liquidation.options.retrySeconds", allowZero: false);

    public override LiquidationDesignKind Kind => LiquidationDesignKind.FullClose;

    public override bool CoversDeficitsFromFund => options.CoverDeficitsFromFund;

    public override void Start(Exchange exchange, int account, long liquidationId)
    {
        exchange.CancelAllOrders(account, liquidationId);
        exchange.ChargeClearanceFee(account, exchange.NotionalOf(account), _fee, liquidationId);
        Close(exchange, account, liquidationId);
    }

    public override void Resume(Exchange exchange, int account, long liquidationId)
    {
        if (!FinishIfResolved(exchange, account, liquidationId))
        {
            Close(exchange, account, liquidationId);
        }
    }

    private void Close(Exchange exchange, int account, long liquidationId)
    {
        long lots = Math.Abs(exchange.LotsOf(account));
        exchange.SendLiquidationOrder(account, exchange.ClosingSide(account), lots, 0, fillOrKill: false, liquidationId);
        if (exchange.LotsOf(account) != 0 && exchange.IsBreached(account))
        {
            if (exchange.Halted)
            {
                exchange.Park(account, exchange.HaltedUntil, liquidationId);
                return;
            }

            if (options.Remainder == RemainderHandling.Retry)
            {
                exchange.Park(account, exchange.Clock + _retry, liquidationId);
                return;
            }

            exchange.AutoDeleverage(account, options.AdlRanking, 0, liquidationId);
        }

        exchange.FinishLiquidation(account, liquidationId);
    }
}
