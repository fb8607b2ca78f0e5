namespace Microstructure.Risk.Pricing;

/// <summary>
/// Funding: the time-weighted average premium (mark − index) / index between settlements, the rate formula and the
/// settlement times (multiples of the interval since time 0).
/// </summary>
/// <remarks>
/// F = clamp(P + clamp(I − P, −c, +c), −cap, +cap), P = Σ premᵢ·Δtᵢ / Σ Δtᵢ with premᵢ = ⌊(mark − index)·10⁸ / index⌋
/// (rate units) over spans where both are known. Longs pay F × notional at the mark when F &gt; 0, shorts when F &lt; 0.
/// </remarks>
internal sealed class FundingClock
{
    private readonly long _interval;
    private readonly long _interest;
    private readonly long _clamp;
    private readonly long _cap;
    private Int128 _premiumTime;
    private long _time;
    private long _lastSample = long.MinValue;
    private long _nextSettlement = long.MinValue;

    public FundingClock(long intervalNanos, long interestRate, long premiumClamp, long rateCap)
    {
        _interval = intervalNanos;
        _interest = interestRate;
        _clamp = premiumClamp;
        _cap = rateCap;
    }

    public long IntervalNanos => _interval;

    /// <summary>The rate settled last (used by the fair-price mark); 0 before the first settlement.</summary>
    public long CurrentRate { get; private set; }

    /// <summary>When the next automatic settlement happens.</summary>
    public long NextSettlement => _nextSettlement;

    /// <summary>Starts the clock at the first command's time.</summary>
    public void Start(long now)
    {
        if (_nextSettlement == long.MinValue)
        {
            _nextSettlement = (FixedPoint.FloorDiv(now, _interval) + 1) * _interval;
            _lastSample = now;
        }
    }

    /// <summary>Adds the span from the last sample to <paramref name="until"/> at the given mark and index.</summary>
    public void Accumulate(long until, long mark, long index)
    {
        long dt = until - _lastSample;
        if (_lastSample == long.MinValue || dt <= 0)
        {
            _lastSample = Math.Max(_lastSample, until);
            return;
        }

        _lastSample = until;
        if (mark > 0 && index > 0)
        {
            long premium = FixedPoint.MulDivFloor(mark - index, FixedPoint.RateScale, index);
            _premiumTime += (Int128)premium * dt;
            _time += dt;
        }
    }

    /// <summary>The funding rate the premium so far gives.</summary>
    public long PredictedRate()
    {
        long premium = _time > 0 ? (long)FixedPoint.FloorDiv(_premiumTime, _time) : 0;
        long rate = premium + Math.Clamp(_interest - premium, -_clamp, _clamp);
        return Math.Clamp(rate, -_cap, _cap);
    }

    /// <summary>Fixes the rate for a settlement, resets the average and moves to the next settlement time.</summary>
    public long Settle(bool scheduled)
    {
        long rate = PredictedRate();
        CurrentRate = rate;
        _premiumTime = 0;
        _time = 0;
        if (scheduled)
        {
            _nextSettlement += _interval;
        }

        return rate;
    }

    /// <summary>BitMEX fair-price basis: current rate × time to the next settlement / interval (rate units).</summary>
    public long FairBasis(long now)
    {
        if (_nextSettlement == long.MinValue)
        {
            return 0;
        }

        long remaining = Math.Clamp(_nextSettlement - now, 0, _interval);
        return FixedPoint.MulDivFloor(CurrentRate, remaining, _interval);
    }
}
