namespace Microstructure.Risk.Liquidation.Designs;

/// <summary><c>insurance-fund</c>: fee, takeover at bankruptcy, solvent unwind, ADL; see <see cref="InsuranceFundOptions"/>.</summary>
internal sealed class InsuranceFundDesign(InsuranceFundOptions options) : LiquidationDesign
{
    private readonly long _fee = FixedPoint.ToRate(options.ClearanceFeeRate);

    public override LiquidationDesignKind Kind => LiquidationDesignKind.InsuranceFund;

    public override void Start(ILiquidationDesk desk, int account, LiquidationScope scope)
    {
        desk.CancelAllOrders(account, scope);
        desk.ChargeClearanceFee(account, desk.Position(account).Notional, _fee, scope);
        desk.InsuranceFundBackstop(account, options.AdlRanking, scope);
        desk.Finish(account, scope);
    }
}
