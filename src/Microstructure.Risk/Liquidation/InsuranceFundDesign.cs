using Microstructure.Risk.Processing;

namespace Microstructure.Risk.Liquidation;

/// <summary><c>insurance-fund</c>: fee, takeover at bankruptcy, solvent unwind, ADL; see <see cref="InsuranceFundOptions"/>.</summary>
internal sealed class InsuranceFundDesign(InsuranceFundOptions options) : LiquidationDesign
{
    private readonly long _fee = FixedPoint.ToRate(options.ClearanceFeeRate);

    public override LiquidationDesignKind Kind => LiquidationDesignKind.InsuranceFund;

    public override void Start(Exchange exchange, int account, long liquidationId)
    {
        exchange.CancelAllOrders(account, liquidationId);
        exchange.ChargeClearanceFee(account, exchange.NotionalOf(account), _fee, liquidationId);
        exchange.InsuranceFundBackstop(account, options.AdlRanking, liquidationId);
        exchange.FinishLiquidation(account, liquidationId);
    }
}
