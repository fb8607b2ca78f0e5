using Microstructure.Risk.Processing;

namespace Microstructure.Risk.Liquidation;

/// <summary><c>adl</c>: close against ranked opposite positions at the bankruptcy price; see <see cref="AdlOptions"/>.</summary>
internal sealed class AdlDesign(AdlOptions options) : LiquidationDesign
{
    public override LiquidationDesignKind Kind => LiquidationDesignKind.AutoDeleverage;

    public override void Start(Exchange exchange, int account, long liquidationId)
    {
        exchange.CancelAllOrders(account, liquidationId);
        exchange.AutoDeleverage(account, options.Ranking, 0, liquidationId);
        exchange.FinishLiquidation(account, liquidationId);
    }
}
