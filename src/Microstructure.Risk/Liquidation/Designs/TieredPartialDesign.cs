namespace Microstructure.Risk.Liquidation.Designs;

/// <summary><c>tiered-partial</c>: reduce to the next-lower bracket, stop when healthy, else take over; see <see cref="TieredPartialOptions"/>.</summary>
internal sealed class TieredPartialDesign(TieredPartialOptions options) : LiquidationDesign
{
    private readonly long _fee = FixedPoint.ToRate(options.ClearanceFeeRate);

    public override LiquidationDesignKind Kind => LiquidationDesignKind.TieredPartial;

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
        var brackets = desk.Brackets;
        for (int step = 0; step < options.MaxReductionSteps; step++)
        {
            var position = desk.Position(account);
            int bracket = brackets.IndexOf(position.Notional);
            if (bracket == 0 || position.Lots == 0)
            {
                break;
            }

            // Lots to sell so that the notional at the mark falls to the next-lower bracket's cap (rounded up).
            var market = desk.Market;
            long perLot = market.Mark * market.CashPerTickLot;
            long excess = position.Notional - brackets[bracket - 1].NotionalCap;
            long lots = Math.Min(Math.Abs(position.Lots), FixedPoint.CeilDiv(excess, perLot));
            long filled = desk.SendOrder(account, position.ClosingSide, lots, position.BankruptcyPrice,
                options.OrderTimeInForce == PartialOrderTimeInForce.Fok, scope);
            desk.ChargeClearanceFee(account, filled * perLot, _fee, scope);
            if (desk.Position(account).IsResolved)
            {
                desk.Finish(account, scope);
                return;
            }

            market = desk.Market;
            if (market.IsHalted)
            {
                desk.Park(account, market.HaltedUntil, scope);
                return;
            }

            if (filled == 0)
            {
                break;
            }
        }

        var rest = desk.Position(account);
        if (!rest.IsResolved)
        {
            desk.ChargeClearanceFee(account, rest.Notional, _fee, scope);
            desk.InsuranceFundBackstop(account, options.AdlRanking, scope);
        }

        desk.Finish(account, scope);
    }
}
