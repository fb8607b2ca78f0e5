namespace Microstructure.Risk.Liquidation.Designs;

/// <summary><c>time-sliced</c>: slices, cool-downs and per-interval caps; see <see cref="TimeSlicedOptions"/>.</summary>
internal sealed class TimeSlicedDesign(TimeSlicedOptions options) : LiquidationDesign
{
    private readonly long _threshold = FixedPoint.ToCash(options.SliceThreshold);
    private readonly long _fraction = FixedPoint.ToRate(options.SliceFraction);
    private readonly long _cooldown = Check.Seconds(options.CooldownSeconds, "liquidation.options.cooldownSeconds", allowZero: false);
    private readonly long _interval = Check.Seconds(options.CapIntervalSeconds, "liquidation.options.capIntervalSeconds", allowZero: false);
    private readonly long _maxNotional = FixedPoint.ToCash(options.MaxNotionalPerInterval);
    private readonly long _maxFundLoss = FixedPoint.ToCash(options.MaxFundLossPerInterval);
    private long _intervalStart = long.MinValue;
    private long _usedNotional;
    private long _usedFundLoss;

    public override LiquidationDesignKind Kind => LiquidationDesignKind.TimeSliced;

    public override void Start(ILiquidationDesk desk, int account, LiquidationScope scope)
    {
        desk.CancelAllOrders(account, scope);
        Slice(desk, account, scope);
    }

    public override void Resume(ILiquidationDesk desk, int account, LiquidationScope scope)
    {
        if (!FinishIfResolved(desk, account, scope))
        {
            Slice(desk, account, scope);
        }
    }

    private void Slice(ILiquidationDesk desk, int account, LiquidationScope scope)
    {
        var market = desk.Market;
        long now = market.Now;
        long intervalStart = FixedPoint.FloorDiv(now, _interval) * _interval;
        if (intervalStart != _intervalStart)
        {
            _intervalStart = intervalStart;
            _usedNotional = 0;
            _usedFundLoss = 0;
        }

        long nextInterval = intervalStart + _interval;
        if (market.IsHalted)
        {
            desk.Park(account, market.HaltedUntil, scope);
            return;
        }

        var position = desk.Position(account);
        if (position.Equity <= 0)
        {
            // Bankrupt: slicing cannot help; the fund takes it over (within the per-interval fund-loss cap).
            if (_maxFundLoss > 0 && _usedFundLoss >= _maxFundLoss)
            {
                desk.Park(account, nextInterval, scope);
                return;
            }

            long fundBefore = market.InsuranceFund;
            desk.InsuranceFundBackstop(account, options.AdlRanking, scope);
            _usedFundLoss += Math.Max(0, fundBefore - desk.Market.InsuranceFund);
            desk.Finish(account, scope);
            return;
        }

        long lots = Math.Abs(position.Lots);
        long perLot = market.Mark * market.CashPerTickLot;
        long slice = position.Notional <= _threshold
            ? lots
            : Math.Min(lots, Math.Max(1, FixedPoint.RateCeil(position.StartLots, _fraction)));
        if (_maxNotional > 0)
        {
            long allowed = (_maxNotional - _usedNotional) / perLot;
            if (allowed <= 0)
            {
                desk.Park(account, nextInterval, scope);
                return;
            }

            slice = Math.Min(slice, allowed);
        }

        long filled = desk.SendOrder(account, position.ClosingSide, slice, 0, fillOrKill: false, scope);
        _usedNotional += filled * perLot;
        if (desk.Position(account).IsResolved)
        {
            desk.Finish(account, scope);
            return;
        }

        desk.Park(account, now + _cooldown, scope);
    }
}
