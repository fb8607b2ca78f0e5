namespace Microstructure.Risk.Liquidation.Designs;

/// <summary><c>adl</c>: close against ranked opposite positions at the bankruptcy price; see <see cref="AdlOptions"/>.</summary>
internal sealed class AdlDesign(AdlOptions options) : LiquidationDesign
{
    public override LiquidationDesignKind Kind => LiquidationDesignKind.AutoDeleverage;

    public override void Start(ILiquidationDesk desk, int account, LiquidationScope scope)
    {
        desk.CancelAllOrders(account, scope);
        desk.AutoDeleverage(account, options.Ranking, 0, scope);
        desk.Finish(account, scope);
    }
}
