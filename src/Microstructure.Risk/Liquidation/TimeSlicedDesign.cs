using Microstructure.Risk.Processing;

namespace Microstructure.Risk.Liquidation;

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

    public override void Start(Exchange exchange, int account, long liquidationId)
    {
        exchange.CancelAllOrders(account, liquidationId);
        Slice(exchange, account, liquidationId);
    }

    public override void Resume(Exchange exchange, int account, long liquidationId)
    {
        if (!FinishIfResolved(exchange, account, liquidationId))
        {
            Slice(exchange, account, liquidationId);
        }
    }

    private void Slice(Exchange exchange, int account, long liquidationId)
    {
        long now = exchange.Clock;
        long intervalStart = FixedPoint.FloorDiv(now, _interval) * _interval;
        if (intervalStart != _intervalStart)
        {
            _intervalStart = intervalStart;
            _usedNotional = 0;
            _usedFundLoss = 0;
        }

        long nextInterval = intervalStart + _interval;
        if (exchange.Halted)
        {
            exchange.Park(account, exchange.HaltedUntil, liquidationId);
            return;
        }

        if (exchange.EquityOf(account) <= 0)
        {
            // Bankrupt: slicing cannot help; the fund takes it over (within the per-interval fund-loss cap).
            if (_maxFundLoss > 0 && _usedFundLoss >= _maxFundLoss)
            {
                exchange.Park(account, nextInterval, liquidationId);
                return;
            }

            long fundBefore = exchange.InsuranceFund;
            exchange.InsuranceFundBackstop(account, options.AdlRanking, liquidationId);
            _usedFundLoss += Math.Max(0, fundBefore - exchange.InsuranceFund);
            exchange.FinishLiquidation(account, liquidationId);
            return;
        }

        long lots = Math.Abs(exchange.LotsOf(account));
        long perLot = exchange.Mark * exchange.CashPerTickLot;
        long slice = exchange.NotionalOf(account) <= _threshold
            ? lots
            : Math.Min(lots, Math.Max(1, FixedPoint.RateCeil(exchange.StartLotsOf(account), _fraction)));
        if (_maxNotional > 0)
        {
            long allowed = (_maxNotional - _usedNotional) / perLot;
            if (allowed <= 0)
            {
                exchange.Park(account, nextInterval, liquidationId);
                return;
            }

            slice = Math.Min(slice, allowed);
        }

        long filled = exchange.SendLiquidationOrder(account, exchange.ClosingSide(account), slice, 0, fillOrKill: false, liquidationId);
        _usedNotional += filled * perLot;
        if (exchange.LotsOf(account) == 0 || !exchange.IsBreached(account))
        {
            exchange.FinishLiquidation(account, liquidationId);
            return;
        }

        exchange.Park(account, now + _cooldown, liquidationId);
    }
}
