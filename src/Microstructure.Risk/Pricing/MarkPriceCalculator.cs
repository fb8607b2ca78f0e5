namespace Microstructure.Risk.Pricing;

/// <summary>
/// Computes the mark price from the book (best bid, best ask, last trade), the index and time. EMAs integrate over
/// time only (α = Δt / (Δt + τ), a discrete EMA that needs no exp), so several fills inside one command move an EMA
/// mark not at all; the book components of a method move at once.
/// </summary>
internal sealed class MarkPriceCalculator
{
    private readonly MarkPriceMethod _method;
    private readonly long _tau;
    private readonly long _minPrice;
    private readonly long _maxPrice;
    private readonly long _band;
    private long _emaMid;
    private long _emaBasis;
    private bool _emaMidSet;
    private bool _emaBasisSet;
    private long _lastAdvance;
    private long _external;

    public MarkPriceCalculator(MarkPriceMethod method, long tauNanos, long minPrice, long maxPrice, long indexBand = FixedPoint.RateScale / 20)
    {
        _band = indexBand;
        _method = method;
        _tau = tauNanos;
        _minPrice = minPrice;
        _maxPrice = maxPrice;
    }

    public MarkPriceMethod Method => _method;

    /// <summary>Sets the external mark (method <see cref="MarkPriceMethod.External"/>).</summary>
    public void SetExternal(long price) => _external = price;

    /// <summary>Integrates the EMAs from the last call to <paramref name="now"/> with the book as it was over that span.</summary>
    public void Advance(long now, long bid, long ask, long last, long index)
    {
        long dt = now - _lastAdvance;
        _lastAdvance = now;
        if (_method is not (MarkPriceMethod.EmaOfMid or MarkPriceMethod.MedianOfThree or MarkPriceMethod.IndexAnchored))
        {
            return;
        }

        if (_method == MarkPriceMethod.IndexAnchored && (bid <= 0 || ask <= 0))
        {
            // A one-sided book says nothing about the basis: the average keeps its last two-sided value.
            return;
        }

        long mid = Mid(bid, ask, last, index);
        if (mid <= 0)
        {
            return;
        }

        if (_method == MarkPriceMethod.EmaOfMid)
        {
            Update(ref _emaMid, ref _emaMidSet, mid, dt);
        }
        else if (index > 0)
        {
            Update(ref _emaBasis, ref _emaBasisSet, mid - index, dt);
        }
    }

    /// <summary>The mark now (ticks, clamped to the instrument's range), or 0 when nothing prices the contract yet.</summary>
    /// <param name="bid">Best bid or 0.</param>
    /// <param name="ask">Best ask or 0.</param>
    /// <param name="last">Last trade or 0.</param>
    /// <param name="index">Index or 0.</param>
    /// <param name="fundingBasisRate">For the fair price: funding rate × time to funding / interval, rate units.</param>
    public long Compute(long bid, long ask, long last, long index, long fundingBasisRate)
    {
        long mid = Mid(bid, ask, last, index);
        long mark = _method switch
        {
            MarkPriceMethod.LastTrade => last > 0 ? last : mid,
            MarkPriceMethod.Mid => mid,
            MarkPriceMethod.EmaOfMid => _emaMidSet ? _emaMid : mid,
            MarkPriceMethod.FairPrice => index > 0 ? index + FixedPoint.RateFloor(index, fundingBasisRate) : mid,
            MarkPriceMethod.MedianOfThree => index > 0
                ? Median(index + (_emaBasisSet ? _emaBasis : 0), BookMedian(bid, ask, last, index + (_emaBasisSet ? _emaBasis : 0)), index)
                : mid,
            MarkPriceMethod.IndexAnchored => index > 0 ? IndexAnchored(bid, ask, last, index, fundingBasisRate) : mid,
            _ => _external,
        };
        return mark <= 0 ? 0 : Math.Clamp(mark, _minPrice, _maxPrice);
    }

    /// <summary>Mid of the book floored to a tick; one side: that side; empty book: last trade, then index.</summary>
    public static long Mid(long bid, long ask, long last, long index)
    {
        if (bid > 0 && ask > 0)
        {
            return (bid + ask) >> 1;
        }

        if (bid > 0 || ask > 0)
        {
            return bid + ask;
        }

        return last > 0 ? last : index;
    }

    public static long Median(long a, long b, long c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    /// <summary>
    /// The book's price: the median of best bid, best ask and last trade — only while both sides are quoted. A one-sided
    /// or empty book never prices the contract: its term is <paramref name="fallback"/> (an index-anchored term).
    /// </summary>
    private static long BookMedian(long bid, long ask, long last, long fallback) =>
        bid > 0 && ask > 0 ? Median(bid, ask, last > 0 ? last : (bid + ask) >> 1) : fallback;

    /// <summary>Median of the fair price, index + EMA(basis) and the book price, clamped to the band around the index.</summary>
    private long IndexAnchored(long bid, long ask, long last, long index, long fundingBasisRate)
    {
        long fair = index + FixedPoint.RateFloor(index, fundingBasisRate);
        long averaged = index + (_emaBasisSet ? _emaBasis : 0);
        long mark = Median(fair, averaged, BookMedian(bid, ask, last, averaged));
        long band = FixedPoint.RateFloor(index, _band);
        return Math.Clamp(mark, index - band, index + band);
    }

    private void Update(ref long ema, ref bool set, long value, long dt)
    {
        if (!set)
        {
            ema = value;
            set = true;
            return;
        }

        if (dt <= 0)
        {
            return;
        }

        // α = Δt/(Δt+τ) in rate units; the step is floored (the EMA is a price, not money).
        long alpha = FixedPoint.MulDivFloor(dt, FixedPoint.RateScale, dt + _tau);
        ema += FixedPoint.MulDivFloor(value - ema, alpha, FixedPoint.RateScale);
    }
}
