namespace Microstructure.Risk.Pricing;

/// <summary>
/// Price bands and circuit breakers for every order, user or liquidation. A band is [lo, hi] in ticks; a market
/// order becomes an IOC limit at the edge; a limit beyond the edge is rejected (users) or clamped (liquidations).
/// The breaker halts trading when a trade (or the mark) reaches a soft limit, and widens to the next level when the pause ends.
/// </summary>
internal sealed class MarketGuard
{
    private readonly long _band;
    private readonly PriceBandAnchor _anchor;
    private readonly long[] _soft;
    private readonly long _hard;
    private readonly long _pause;
    private readonly bool _hasBreaker;
    private readonly long _minPrice;
    private readonly long _maxPrice;
    private long _reference;
    private int _level;

    public MarketGuard(PriceBandOptions? band, CircuitBreakerOptions? breaker, long minPrice, long maxPrice)
    {
        _minPrice = minPrice;
        _maxPrice = maxPrice;
        if (band is not null)
        {
            _band = FixedPoint.ToRate(band.Band);
            _anchor = band.Anchor;
        }

        if (breaker is not null)
        {
            _hasBreaker = true;
            _soft = [.. breaker.SoftLimits.Select(FixedPoint.ToRate)];
            _hard = FixedPoint.ToRate(breaker.HardLimit);
            _pause = (long)decimal.Round(breaker.PauseSeconds * 1_000_000_000m);
        }
        else
        {
            _soft = [];
        }
    }

    public bool IsActive => _band > 0 || _hasBreaker;

    public bool HasBreaker => _hasBreaker;

    /// <summary>Halted until this time (ns); 0 when trading.</summary>
    public long HaltedUntil { get; private set; }

    public long Reference => _reference;

    /// <summary>The breaker's current limit (rate units), 0 without a breaker.</summary>
    public long CurrentLimit => !_hasBreaker ? 0 : _level < _soft.Length ? _soft[_level] : _hard;

    public bool IsHalted(long now) => HaltedUntil != 0 && now < HaltedUntil;

    /// <summary>Sets the breaker's reference (prior settlement) price and resets it to the first level.</summary>
    public void SetReference(long price)
    {
        _reference = price;
        _level = 0;
        HaltedUntil = 0;
    }

    /// <summary>Takes the first index as the reference when none was set.</summary>
    public void OnIndex(long index)
    {
        if (_hasBreaker && _reference == 0 && index > 0)
        {
            _reference = index;
        }
    }

    /// <summary>The allowed price range now, or (0, 0) without limits.</summary>
    public (long Lo, long Hi) Band(long mark, long index)
    {
        long lo = 0, hi = 0;
        long anchor = _anchor == PriceBandAnchor.Mark ? mark : index;
        if (_band > 0 && anchor > 0)
        {
            lo = anchor - FixedPoint.RateFloor(anchor, _band);
            hi = anchor + FixedPoint.RateFloor(anchor, _band);
        }

        if (_hasBreaker && _reference > 0)
        {
            long limit = CurrentLimit;
            long bLo = _reference - FixedPoint.RateFloor(_reference, limit);
            long bHi = _reference + FixedPoint.RateFloor(_reference, limit);
            lo = lo == 0 ? bLo : Math.Max(lo, bLo);
            hi = hi == 0 ? bHi : Math.Min(hi, bHi);
        }

        if (hi == 0)
        {
            return (0, 0);
        }

        return (Math.Max(lo, _minPrice), Math.Min(hi, _maxPrice));
    }

    /// <summary>
    /// The limit a liquidation order of <paramref name="side"/> gets: the tighter of its own limit (0 = market) and the
    /// band edge; 0 when neither limits it.
    /// </summary>
    public long ClampLimit(Side side, long limit, long mark, long index)
    {
        var (lo, hi) = Band(mark, index);
        if (hi == 0)
        {
            return limit;
        }

        if (side == Side.Buy)
        {
            return limit == 0 ? hi : Math.Min(limit, hi);
        }

        return limit == 0 ? lo : Math.Max(limit, lo);
    }

    /// <summary>True when a user limit order of <paramref name="side"/> at <paramref name="price"/> lies beyond the band.</summary>
    public bool IsOutside(Side side, long price, long mark, long index)
    {
        var (lo, hi) = Band(mark, index);
        return hi != 0 && (side == Side.Buy ? price > hi : price < lo);
    }

    /// <summary>
    /// Halts when the last trade or the mark reached the current soft limit (trades cannot cross the band, but an
    /// index-driven mark can). Returns true when it halted now.
    /// </summary>
    public bool CheckLimit(long lastTrade, long mark, long now)
    {
        if (!_hasBreaker || _reference == 0 || _level >= _soft.Length || IsHalted(now))
        {
            return false;
        }

        long limit = _soft[_level];
        long lo = _reference - FixedPoint.RateFloor(_reference, limit);
        long hi = _reference + FixedPoint.RateFloor(_reference, limit);
        bool reached = (lastTrade > 0 && (lastTrade <= lo || lastTrade >= hi)) || (mark > 0 && (mark <= lo || mark >= hi));
        if (!reached)
        {
            return false;
        }

        HaltedUntil = now + _pause;
        return true;
    }

    /// <summary>Ends a pause whose time has come and widens the limit. Returns true when trading resumed now.</summary>
    public bool TryResume(long now)
    {
        if (HaltedUntil == 0 || now < HaltedUntil)
        {
            return false;
        }

        HaltedUntil = 0;
        _level++;
        return true;
    }
}
