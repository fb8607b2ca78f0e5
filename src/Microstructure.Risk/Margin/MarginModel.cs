using System.Runtime.CompilerServices;

namespace Microstructure.Risk.Margin;

/// <summary>
/// The margin formulas of one contract: notional, initial and maintenance margin, equity, bankruptcy price and the
/// liquidation threshold price that the detection index is keyed by.
/// </summary>
/// <remarks>
/// <para>A position is <c>lots</c> (signed) plus <c>cash</c>, the settled cash of the ledger that backs it (the
/// whole account in cross mode, the position's own margin in isolated mode). Equity at price P is
/// cash + lots·P·k, with k the cash value of one tick on one lot, exactly.</para>
/// <para><b>Breach</b>: equity ≤ maintenance margin (margin ratio MM/equity ≥ 100%). With a long, equity − MM grows
/// with P (the effective maintenance rate is below 100%), so the breached prices are exactly those ≤ a threshold;
/// with a short, those ≥ a threshold. <see cref="Threshold"/> returns that price in ticks.</para>
/// </remarks>
internal sealed class MarginModel
{
    /// <summary>Threshold of a position that no mark inside the instrument's price range can breach.</summary>
    public const long NotIndexed = long.MinValue;

    private static readonly Int128 RateScaleSquared = (Int128)FixedPoint.RateScale * FixedPoint.RateScale;

    private readonly BracketTable _brackets;
    private readonly MaintenanceBasis _basis;
    private readonly long _k;
    private readonly long _minPrice;
    private readonly long _maxPrice;

    public MarginModel(BracketTable brackets, MaintenanceBasis basis, long cashPerTickLot, long minPrice, long maxPrice)
    {
        _brackets = brackets;
        _basis = basis;
        _k = cashPerTickLot;
        _minPrice = minPrice;
        _maxPrice = maxPrice;
    }

    public BracketTable Brackets => _brackets;

    public MaintenanceBasis Basis => _basis;

    public long CashPerTickLot => _k;

    /// <summary>The instrument's highest price (ticks).</summary>
    public long MaxPrice => _maxPrice;

    /// <summary>Dynamic-margin multiplier on maintenance margin, in rate units (1.0 = <see cref="FixedPoint.RateScale"/>).</summary>
    public long Multiplier { get; set; } = FixedPoint.RateScale;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Notional(long lots, long price) => Math.Abs(lots) * price * _k;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Equity(long cash, long lots, long price) => cash + (lots * price * _k);

    /// <summary>Predictive-margin multiplier on initial margin, in rate units (1.0 = <see cref="FixedPoint.RateScale"/>).</summary>
    public long InitialMultiplier { get; set; } = FixedPoint.RateScale;

    /// <summary>Initial margin ⌈notional / leverage⌉ (rounded up: against the trader), before any multiplier.</summary>
    public static long Initial(long notional, int leverage) => FixedPoint.CeilDiv(notional, leverage);

    /// <summary>Initial margin to open <paramref name="notional"/> now: ⌈notional / leverage⌉ × <see cref="InitialMultiplier"/>, each step rounded up.</summary>
    public long InitialMargin(long notional, int leverage)
    {
        long im = Initial(notional, leverage);
        return InitialMultiplier == FixedPoint.RateScale ? im : FixedPoint.RateCeil(im, InitialMultiplier);
    }

    /// <summary>Maintenance margin at <paramref name="price"/>, multiplier included (rounded up).</summary>
    public long Maintenance(long lots, long costBasis, long price) => Maintenance(lots, costBasis, price, Multiplier);

    /// <summary>
    /// Maintenance margin with a given <paramref name="multiplier"/> (rounded up). Reads only what never changes after
    /// construction, so another thread may call it with a multiplier it copied (the risk monitor's off-thread pass).
    /// </summary>
    public long Maintenance(long lots, long costBasis, long price, long multiplier)
    {
        if (lots == 0)
        {
            return 0;
        }

        long notional = _basis == MaintenanceBasis.MarkNotional ? Notional(lots, price) : Math.Abs(costBasis);
        long mm = _brackets.Maintenance(notional);
        return multiplier == FixedPoint.RateScale ? mm : FixedPoint.RateCeil(mm, multiplier);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsBreached(long cash, long lots, long costBasis, long price) =>
        lots != 0 && Equity(cash, lots, price) <= Maintenance(lots, costBasis, price);

    /// <summary>MM / equity in rate units (≥ <see cref="FixedPoint.RateScale"/> means breached); <see cref="long.MaxValue"/> when equity ≤ 0.</summary>
    public static long MarginRatio(long equity, long maintenance) =>
        equity <= 0 ? long.MaxValue : FixedPoint.MulDivCeil(maintenance, FixedPoint.RateScale, equity);

    /// <summary>
    /// Price (ticks) at which equity is zero, rounded so the trader's equity there is ≥ 0 (long: up, short: down) and
    /// clamped to the instrument's price range. The trader's residue at that price is swept to the insurance fund.
    /// </summary>
    public long BankruptcyPrice(long cash, long lots)
    {
        long price = lots > 0
            ? FixedPoint.CeilDiv(-cash, lots * _k)
            : FixedPoint.FloorDiv(cash, -lots * _k);
        return Math.Clamp(price, _minPrice, _maxPrice);
    }

    /// <summary>
    /// The liquidation threshold in ticks: for a long the highest price at which it is breached (breached ⇔ mark ≤
    /// threshold), for a short the lowest (breached ⇔ mark ≥ threshold). <see cref="NotIndexed"/> when no price in the
    /// instrument's range breaches it.
    /// </summary>
    public long Threshold(long cash, long lots, long costBasis)
    {
        if (lots == 0)
        {
            return NotIndexed;
        }

        if (lots > 0)
        {
            if (!IsBreached(cash, lots, costBasis, _minPrice))
            {
                return NotIndexed;
            }

            if (IsBreached(cash, lots, costBasis, _maxPrice))
            {
                return _maxPrice;
            }

            long guess = _basis == MaintenanceBasis.EntryNotional
                ? FixedPoint.FloorDiv(Maintenance(lots, costBasis, 0) - cash, lots * _k)
                : LongGuess(cash, lots);
            return LastHolding(cash, lots, costBasis, Math.Clamp(guess, _minPrice, _maxPrice - 1), invert: false);
        }

        if (!IsBreached(cash, lots, costBasis, _maxPrice))
        {
            return NotIndexed;
        }

        if (IsBreached(cash, lots, costBasis, _minPrice))
        {
            return _minPrice;
        }

        long shortGuess = _basis == MaintenanceBasis.EntryNotional
            ? FixedPoint.CeilDiv(cash - Maintenance(lots, costBasis, 0), -lots * _k)
            : ShortGuess(cash, lots);
        return LastHolding(cash, lots, costBasis, Math.Clamp(shortGuess - 1, _minPrice, _maxPrice - 1), invert: true) + 1;
    }

    /// <summary>Continuous solution of cash + N = m·(N·r − cum) in the bracket it falls in; exact search follows.</summary>
    private long LongGuess(long cash, long lots)
    {
        Int128 m = Multiplier;
        Int128 n = 0;
        for (int b = 0; b < _brackets.Count; b++)
        {
            var bracket = _brackets[b];
            Int128 numerator = (-(Int128)cash * RateScaleSquared) - (m * bracket.Cum * FixedPoint.RateScale);
            Int128 denominator = RateScaleSquared - (m * bracket.MaintenanceRate);
            n = FixedPoint.FloorDiv(numerator, denominator);
            if (n <= bracket.NotionalCap)
            {
                break;
            }
        }

        return FixedPoint.Saturate(FixedPoint.FloorDiv(n, (Int128)lots * _k));
    }

    /// <summary>Continuous solution of cash − N = m·(N·r − cum) in the bracket it falls in; exact search follows.</summary>
    private long ShortGuess(long cash, long lots)
    {
        Int128 m = Multiplier;
        Int128 n = 0;
        for (int b = 0; b < _brackets.Count; b++)
        {
            var bracket = _brackets[b];
            Int128 numerator = ((Int128)cash * RateScaleSquared) + (m * bracket.Cum * FixedPoint.RateScale);
            Int128 denominator = RateScaleSquared + (m * bracket.MaintenanceRate);
            n = FixedPoint.CeilDiv(numerator, denominator);
            if (n <= bracket.NotionalCap)
            {
                break;
            }
        }

        return FixedPoint.Saturate(FixedPoint.CeilDiv(n, -(Int128)lots * _k));
    }

    /// <summary>
    /// The last price in [min, max] at which (breached XOR <paramref name="invert"/>) holds, given it holds at min and not
    /// at max: gallop from the guess, then bisect. A long's threshold is the last breached price (invert false); a
    /// short's is one above the last price at which it is not breached (invert true).
    /// </summary>
    private long LastHolding(long cash, long lots, long costBasis, long guess, bool invert)
    {
        long lo, hi;
        if (IsBreached(cash, lots, costBasis, guess) != invert)
        {
            lo = guess;
            for (long step = 1; ; step <<= 1)
            {
                long probe = lo + step;
                if (probe >= _maxPrice)
                {
                    hi = _maxPrice;
                    break;
                }

                if (IsBreached(cash, lots, costBasis, probe) == invert)
                {
                    hi = probe;
                    break;
                }

                lo = probe;
            }
        }
        else
        {
            hi = guess;
            for (long step = 1; ; step <<= 1)
            {
                long probe = hi - step;
                if (probe <= _minPrice)
                {
                    lo = _minPrice;
                    break;
                }

                if (IsBreached(cash, lots, costBasis, probe) != invert)
                {
                    lo = probe;
                    break;
                }

                hi = probe;
            }
        }

        while (hi - lo > 1)
        {
            long mid = lo + ((hi - lo) >> 1);
            if (IsBreached(cash, lots, costBasis, mid) != invert)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
