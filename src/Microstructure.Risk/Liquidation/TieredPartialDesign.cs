using Microstructure.Risk.Processing;

namespace Microstructure.Risk.Liquidation;

/// <summary><c>tiered-partial</c>: reduce to the next-lower bracket, stop when healthy, else take over; see <see cref="TieredPartialOptions"/>.</summary>
internal sealed class TieredPartialDesign(TieredPartialOptions options) : LiquidationDesign
{
    private readonly long _fee = FixedPoint.ToRate(options.ClearanceFeeRate);

    public override LiquidationDesignKind Kind => LiquidationDesignKind.TieredPartial;

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
        var brackets = exchange.Margin.Brackets;
        for (int step = 0; step < options.MaxReductionSteps; step++)
        {
            long notional = exchange.NotionalOf(account);
            int bracket = brackets.IndexOf(notional);
            if (bracket == 0 || exchange.LotsOf(account) == 0)
            {
                break;
            }

            // Lots to sell so that the notional at the mark falls to the next-lower bracket's cap (rounded up).
            long perLot = exchange.Mark * exchange.CashPerTickLot;
            long excess = notional - brackets[bracket - 1].NotionalCap;
            long lots = Math.Min(Math.Abs(exchange.LotsOf(account)), FixedPoint.CeilDiv(excess, perLot));
            long limit = exchange.Margin.BankruptcyPrice(exchange.CashOf(account), exchange.LotsOf(account));
            long filled = exchange.SendLiquidationOrder(account, exchange.ClosingSide(account), lots, limit,
                options.OrderTimeInForce == PartialOrderTimeInForce.Fok, liquidationId);
            exchange.ChargeClearanceFee(account, filled * perLot, _fee, liquidationId);
            if (exchange.LotsOf(account) == 0 || !exchange.IsBreached(account))
            {
                exchange.FinishLiquidation(account, liquidationId);
                return;
            }

            if (exchange.Halted)
            {
                exchange.Park(account, exchange.HaltedUntil, liquidationId);
                return;
            }

            if (filled == 0)
            {
                break;
            }
        }

        if (exchange.LotsOf(account) != 0 && exchange.IsBreached(account))
        {
            exchange.ChargeClearanceFee(account, exchange.NotionalOf(account), _fee, liquidationId);
            exchange.InsuranceFundBackstop(account, options.AdlRanking, liquidationId);
        }

        exchange.FinishLiquidation(account, liquidationId);
    }
}
