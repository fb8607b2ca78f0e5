namespace Microstructure.Analysis.Recording;

/// <summary>
/// The run's units for the real-unit twins of the tape columns (docs/outputs.md §1): price in quote (ticks × tick
/// size), quantity in base (lots × lot size), cash in quote (cash units ÷ cash scale). Each value is the double
/// nearest to the exact product or quotient: when a size is 1/n (0.1, 0.001) the integer is divided by n, which IEEE
/// rounds correctly; otherwise the product is taken in decimal and then rounded.
/// </summary>
internal sealed class TapeUnits
{
    private readonly decimal _tickSize;
    private readonly decimal _lotSize;
    private readonly double _ticksPerQuote;
    private readonly double _lotsPerBase;
    private readonly double _cashScale;

    public TapeUnits(decimal tickSize, decimal lotSize, long cashScale)
    {
        _tickSize = tickSize;
        _lotSize = lotSize;
        _ticksPerQuote = Inverse(tickSize);
        _lotsPerBase = Inverse(lotSize);
        _cashScale = cashScale;
        CashPerTickLot = checked((long)(tickSize * lotSize * cashScale));
    }

    /// <summary>Cash units of one tick on one lot (k).</summary>
    public long CashPerTickLot { get; }

    /// <summary>The units of <paramref name="info"/>.</summary>
    public static TapeUnits Of(RecordedRunInfo info) => new(info.TickSize, info.LotSize, info.CashScale);

    /// <summary>A price in ticks as quote currency.</summary>
    public double Price(long ticks) => _ticksPerQuote > 0 ? ticks / _ticksPerQuote : (double)(ticks * _tickSize);

    /// <summary>A mid in half ticks as quote currency.</summary>
    public double HalfTicks(long halfTicks) => _ticksPerQuote > 0 ? halfTicks / (2 * _ticksPerQuote) : (double)(halfTicks * _tickSize / 2);

    /// <summary>A price in (fractional) ticks as quote currency; NaN stays NaN.</summary>
    public double PriceOf(double ticks) => _ticksPerQuote > 0 ? ticks / _ticksPerQuote : ticks * (double)_tickSize;

    /// <summary>A quantity in lots as base currency.</summary>
    public double Lots(long lots) => _lotsPerBase > 0 ? lots / _lotsPerBase : (double)(lots * _lotSize);

    /// <summary>Money in cash units as quote currency.</summary>
    public double Cash(long cash) => cash / _cashScale;

    /// <summary>n when <paramref name="size"/> is exactly 1/n with n a whole number below 2⁵³, else 0.</summary>
    private static double Inverse(decimal size)
    {
        decimal n = 1m / size;
        return n == decimal.Truncate(n) && n * size == 1m && n < 9_007_199_254_740_992m ? (double)n : 0;
    }
}
