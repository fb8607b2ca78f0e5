using System.Globalization;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// Cash units to quote currency, only at the edge (summary.json and report.md): the exact decimal quotient
/// cash / scale, then a double for JSON or text rounded half away from zero to 2 decimals for the report.
/// </summary>
internal static class Money
{
    /// <summary>cash / scale as a double (from the exact decimal quotient).</summary>
    public static double ToQuote(long cash, long scale) => (double)((decimal)cash / scale);

    /// <summary>"12,345.67 USDT": rounded half away from zero to cents for reading; the tables keep the exact integers.</summary>
    public static string Format(long cash, long scale, string currency)
    {
        decimal quote = decimal.Round((decimal)cash / scale, 2, MidpointRounding.AwayFromZero);
        return quote.ToString("N2", CultureInfo.InvariantCulture) + " " + currency;
    }

    /// <summary>A price in ticks as quote currency (ticks × tick size, exact).</summary>
    public static string Price(long ticks, decimal tickSize) =>
        (ticks * tickSize).ToString(CultureInfo.InvariantCulture);

    /// <summary>A mid in half ticks as quote currency (half ticks × tick size / 2, exact).</summary>
    public static string Mid(long halfTicks, decimal tickSize) =>
        halfTicks <= 0 ? "n/a" : (halfTicks * tickSize / 2).ToString(CultureInfo.InvariantCulture);

    /// <summary>Nanoseconds as seconds with 3 decimals; "n/a" for null.</summary>
    public static string Seconds(long? ns) =>
        ns is { } v ? (v / 1e9).ToString("0.###", CultureInfo.InvariantCulture) + " s" : "n/a";
}
