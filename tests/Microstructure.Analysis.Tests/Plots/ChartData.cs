using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Series;
using Microstructure.Engine;

namespace Microstructure.Analysis.Tests.Plots;

/// <summary>Small deterministic inputs for the chart tests.</summary>
internal static class ChartData
{
    public const long Second = 1_000_000_000;

    public static StepSeries Mid()
    {
        var rng = new Random(1);
        var times = new long[5_000];
        var mids = new long[5_000];
        long m = 1_000_000;
        for (int i = 0; i < times.Length; i++)
        {
            times[i] = i * (Second / 50);
            m += rng.Next(-3, 4) - (i is > 2_500 and < 2_600 ? 20 : 0);
            mids[i] = m;
        }

        return new StepSeries(times, mids);
    }

    public static LiquidationRecord[] Liquidations()
    {
        const long None = LiquidationRecord.NoParent;
        return
        [
            new(0, None, 50 * Second, 40_000, Side.Sell, 999_000, 998_900),
            new(1, 0, 51 * Second, 80_000, Side.Sell, 998_900, 998_500),
            new(2, 0, 52 * Second, 20_000, Side.Sell, 998_500, 998_400),
            new(3, 1, 53 * Second, 120_000, Side.Sell, 998_400, 997_800),
            new(4, None, 80 * Second, 10_000, Side.Buy, 997_000, 997_050),
        ];
    }

    public static ImpactBin[] Bins()
    {
        var bins = new ImpactBin[12];
        for (int i = 0; i < bins.Length; i++)
        {
            double q = Math.Pow(10, -4 + (i / 3.0));
            bins[i] = new ImpactBin(q / 1.5, q * 1.5, q, 0.01 * Math.Sqrt(q) * (1 + (0.05 * Math.Sin(i))), 1e-5, 50);
        }

        return bins;
    }
}
