using System.Globalization;

namespace Microstructure.Analysis.Sweeps;

/// <summary>Numbers of the sweep report and the terminal table: invariant culture, "n/a" for NaN.</summary>
public static class SweepFormat
{
    /// <summary>4 significant digits; from 1,000 up whole numbers with thousands separators.</summary>
    public static string Number(double value) =>
        !double.IsFinite(value) ? "n/a"
        : Math.Abs(value) >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value == 0 ? "0"
        : value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>3 significant digits with k/M/G suffixes for the terminal (430k, 1.25M, 0.0123).</summary>
    public static string Compact(double value)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        double a = Math.Abs(value);
        return a >= 1e9 ? Scaled(value / 1e9, "G")
            : a >= 1e6 ? Scaled(value / 1e6, "M")
            : a >= 1e4 ? Scaled(value / 1e3, "k")
            : a >= 1000 ? value.ToString("F0", CultureInfo.InvariantCulture)
            : value == 0 ? "0"
            : value.ToString("G3", CultureInfo.InvariantCulture);
    }

    /// <summary>A percentage magnitude: one decimal under 10, whole above.</summary>
    public static string Percent(double value) =>
        !double.IsFinite(value) ? "n/a"
        : Math.Abs(value) < 10 ? value.ToString("0.0", CultureInfo.InvariantCulture)
        : value.ToString("0", CultureInfo.InvariantCulture);

    private static string Scaled(double value, string suffix) =>
        (Math.Abs(value) >= 100 ? value.ToString("F0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 10 ? value.ToString("F1", CultureInfo.InvariantCulture)
        : value.ToString("F2", CultureInfo.InvariantCulture)) + suffix;
}
