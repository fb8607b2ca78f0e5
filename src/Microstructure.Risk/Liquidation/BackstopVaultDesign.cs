using Microstructure.Risk.Processing;

namespace Microstructure.Risk.Liquidation;

/// <summary><c>backstop-vault</c>: market close, or vault takeover below a fraction of MM; see <see cref="BackstopVaultOptions"/>.</summary>
internal sealed class BackstopVaultDesign(BackstopVaultOptions options) : LiquidationDesign
{
    private readonly long _fraction = FixedPoint.ToRate(options.BackstopFraction);
    private readonly long _unwindFraction = FixedPoint.ToRate(options.UnwindFraction);
    private readonly long _unwindInterval = Check.Seconds(options.UnwindIntervalSeconds, "liquidation.options.unwindIntervalSeconds", allowZero: true);

    public override LiquidationDesignKind Kind => LiquidationDesignKind.BackstopVault;

    public override void Start(Exchange exchange, int account, long liquidationId)
    {
        exchange.CancelAllOrders(account, liquidationId);
        Run(exchange, account, liquidationId);
    }

    public override void Resume(Exchange exchange, int account, long liquidationId)
    {
        if (!FinishIfResolved(exchange, account, liquidationId))
        {
            Run(exchange, account, liquidationId);
        }
    }

    private void Run(Exchange exchange, int account, long liquidationId)
    {
        if (!BelowBackstop(exchange, account))
        {
            exchange.SendLiquidationOrder(account, exchange.ClosingSide(account), Math.Abs(exchange.LotsOf(account)), 0, fillOrKill: false, liquidationId);
            if (exchange.LotsOf(account) != 0 && exchange.IsBreached(account) && exchange.Halted)
            {
                exchange.Park(account, exchange.HaltedUntil, liquidationId);
                return;
            }
        }

        if (exchange.LotsOf(account) != 0 && exchange.IsBreached(account))
        {
            exchange.VaultTakeover(account, liquidationId, _unwindInterval, _unwindFraction);
        }

        exchange.FinishLiquidation(account, liquidationId);
    }

    /// <summary>Equity &lt; fraction × MM, compared exactly.</summary>
    private bool BelowBackstop(Exchange exchange, int account) =>
        (Int128)exchange.EquityOf(account) * FixedPoint.RateScale < (Int128)exchange.MaintenanceOf(account) * _fraction;
}
