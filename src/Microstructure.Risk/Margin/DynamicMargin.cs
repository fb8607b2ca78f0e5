namespace Microstructure.Risk.Margin;

/// <summary>Realised-volatility multiplier for maintenance margin (see <see cref="DynamicMarginOptions"/>).</summary>
internal sealed class DynamicMargin
{
    private readonly long _interval;
    private readonly long _lambda;
    private readonly long _baseline;
    private readonly long _max;
    private readonly long _step;
    private long _nextUpdate = long.MinValue;
    private long _lastMark;
    private long _variance;

    public DynamicMargin(DynamicMarginOptions options)
    {
        _interval = (long)decimal.Round(options.UpdateIntervalSeconds * 1_000_000_000m);
        _lambda = FixedPoint.ToRate(options.Lambda);
        _baseline = FixedPoint.ToRate(options.BaselineVolatility);
        _max = FixedPoint.ToRate(options.MaxMultiplier);
        _step = FixedPoint.ToRate(options.Step);
    }

    public long Multiplier { get; private set; } = FixedPoint.RateScale;

    public long NextUpdate => _nextUpdate;

    /// <summary>Samples the mark at each interval boundary passed; returns true when the multiplier changed.</summary>
    public bool Advance(long now, long mark)
    {
        if (_nextUpdate == long.MinValue)
        {
            _nextUpdate = now + _interval;
            _lastMark = mark;
            return false;
        }

        bool changed = false;
        while (now >= _nextUpdate)
        {
            _nextUpdate += _interval;
            if (_lastMark > 0 && mark > 0)
            {
                long r = FixedPoint.MulDivFloor(mark - _lastMark, FixedPoint.RateScale, _lastMark);
                r = Math.Clamp(r, -FixedPoint.RateScale, FixedPoint.RateScale);
                long squared = FixedPoint.MulDivFloor(r, r, FixedPoint.RateScale);
                _variance = FixedPoint.MulDivFloor(_variance, _lambda, FixedPoint.RateScale)
                    + FixedPoint.MulDivFloor(squared, FixedPoint.RateScale - _lambda, FixedPoint.RateScale);
            }

            _lastMark = mark;
            long sigma = ISqrt(_variance * FixedPoint.RateScale);
            long raw = Math.Clamp(FixedPoint.MulDivFloor(sigma, FixedPoint.RateScale, _baseline), FixedPoint.RateScale, _max);
            long stepped = Math.Max(FixedPoint.RateScale, raw / _step * _step);
            if (stepped != Multiplier)
            {
                Multiplier = stepped;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>⌊√n⌋ by Newton's method on integers (deterministic on every platform).</summary>
    internal static long ISqrt(long n)
    {
        if (n <= 0)
        {
            return 0;
        }

        long x = (long)Math.Sqrt(n);
        while (x * x > n)
        {
            x--;
        }

        while ((x + 1) * (x + 1) <= n)
        {
            x++;
        }

        return x;
    }
}
