using System.Diagnostics;
using System.Globalization;
using Microstructure.Runner.Diagnostics;
using Microstructure.Simulation.Running;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.PerfTests;

/// <summary>
/// The <c>realism</c> mode: calm.json for each of its seeds with a <see cref="MarketQualityProbe"/>, and the stylized
/// facts and square-root impact fit per seed and on average, beside the targets of issue 4 §6 (docs/realism.md).
/// </summary>
internal static class RealismTable
{
    private static readonly int[] AbsLags = [1, 2, 5, 10, 20, 50];
    private static readonly int[] ReturnLags = [1, 2, 3, 5, 10];

    public static void Print(bool ablations)
    {
        var scenario = ScenarioLoader.Load(KernelThroughput.ShippedScenario("calm.json"));
        var options = new RealismOptions();
        var reports = RunSeeds(scenario, options);

        Console.WriteLine($"## Realism: {scenario.Name} ({scenario.DurationNs / 1e9:N0} simulated s per seed, direct mode)");
        Console.WriteLine();
        Console.WriteLine($"Returns: non-overlapping log returns of the mid sampled every {options.ReturnStepNs / 1e9:G} s after a {options.WarmupNs / 1e9:G} s warm-up. Hill: both tails pooled (|r|), k = 5% of the non-zero |r|; also the loss and gain tails and the min–max of α over k = 0.5%–15%. Impact: immediate ε·ln(mid after/mid before) of each market order against Q/V (V = volume per {options.ImpactWindowNs / 1e9:G} s), 20 log bins (≥ 5 orders each), least squares on the bin means in log-log.");
        Console.WriteLine();
        Console.WriteLine("| seed | returns | Hill α (\\|r\\|) | α loss / gain | α range over k | excess kurtosis | ACF r lags " + string.Join(", ", ReturnLags) + " | robust band at lag 1 | share of r lags 2–50 outside band | ACF \\|r\\| lags " + string.Join(", ", AbsLags) + " | \\|r\\| ACF decay β (R²) | impact δ ± se (R², bins) | Q/V of the bins | Y (Y at δ=½) | market orders | trades | mean spread (ticks) | wall s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (seed, r, wall) in reports)
        {
            var f = r.Facts;
            var fit = r.ImpactFit;
            double rangeMin = f.HillRange.Count > 0 ? f.HillRange.Min(h => h.Alpha) : double.NaN;
            double rangeMax = f.HillRange.Count > 0 ? f.HillRange.Max(h => h.Alpha) : double.NaN;
            Console.WriteLine(
                $"| {seed} | {f.ReturnCount:N0} | {F(f.Hill.Alpha)} ± {F(f.Hill.StandardError)} (k = {f.Hill.K} of {f.Hill.TailCount:N0}) | {F(f.HillLeft.Alpha)} / {F(f.HillRight.Alpha)} | {F(rangeMin)}–{F(rangeMax)} | {F(f.Moments.ExcessKurtosis, 1)} | {Lags(f.ReturnAcf, ReturnLags)} | ±{F(f.ReturnAcfRobustBand[1], 3)} | {f.ReturnAcfShareOutsideBand:P0} | {Lags(f.AbsoluteReturnAcf, AbsLags)} | {F(f.AbsoluteAcfDecayExponent)} ({F(f.AbsoluteAcfDecay.RSquared)}) | {F(fit.Exponent)} ± {F(fit.ExponentStandardError)} ({F(fit.RSquared)}, {fit.Count}) | {QvRange(r)} | {F(fit.Prefactor)} ({F(fit.PrefactorAtSquareRoot)}) | {r.MarketOrders:N0} | {r.Trades:N0} | {F(r.MeanSpreadTicks, 1)} | {wall:F1} |");
        }

        var all = reports.Select(x => x.Report).ToList();
        Console.WriteLine();
        Console.WriteLine("| mean over seeds | value | seed spread (s.d.) | target | met |");
        Console.WriteLine("|---|---|---|---|---|");
        Row("Hill α of 1 s \\|r\\| (k = 5%)", all.Select(r => r.HillAlpha), "2 – 5", m => m is >= 2 and <= 5);
        Row("ACF \\|r\\| lag 1", all.Select(r => r.AbsAcf(1)), "> 0", m => m > 0);
        Row("ACF \\|r\\| lag 10", all.Select(r => r.AbsAcf(10)), "> 0, below lag 1", m => m > 0 && m < all.Average(r => r.AbsAcf(1)));
        Row("ACF \\|r\\| lag 50", all.Select(r => r.AbsAcf(50)), "> 0, below lag 10", m => m > 0 && m < all.Average(r => r.AbsAcf(10)));
        Row("\\|r\\| ACF decay exponent β", all.Select(r => r.Facts.AbsoluteAcfDecayExponent), "0 < β < 1 (slow; Cont: 0.2–0.4)", m => m is > 0 and < 1);
        Row("ACF r lag 1", all.Select(r => r.Facts.ReturnAcf[1]), "", _ => true);
        Row("share of r lags 2–50 outside their robust band", all.Select(r => r.Facts.ReturnAcfShareOutsideBand), "", _ => true);
        Row("impact exponent δ", all.Select(r => r.ImpactFit.Exponent), "0.4 – 0.6", m => m is >= 0.4 and <= 0.6);
        Row("impact prefactor Y", all.Select(r => r.ImpactFit.Prefactor), "", _ => true);
        Row("impact fit R²", all.Select(r => r.ImpactFit.RSquared), "", _ => true);
        Row("mean spread (ticks)", all.Select(r => r.MeanSpreadTicks), "", _ => true);
        Row("market orders", all.Select(r => (double)r.MarketOrders), "", _ => true, digits: 0);
        Console.WriteLine();
        Console.WriteLine("Per seed, all of: Hill α in 2–5, ACF |r| at lags 1–10 above the noise band and decaying slower than 1/lag, δ in 0.4–0.6: " +
            string.Join(", ", reports.Select(x => $"seed {x.Seed} {(Meets(x.Report) ? "yes" : "no")}")));
        Console.WriteLine();
        if (ablations)
        {
            RealismAblations.Print(scenario, options, [.. reports.Select(x => x.Report)]);
        }
    }

    /// <summary>Runs <paramref name="scenario"/> once per seed (direct mode) and measures each run.</summary>
    public static List<(long Seed, RealismReport Report, double WallSeconds)> RunSeeds(Scenario scenario, RealismOptions options)
    {
        var reports = new List<(long Seed, RealismReport Report, double WallSeconds)>();
        foreach (long seed in scenario.Seeds)
        {
            var probe = new MarketQualityProbe();
            long start = Stopwatch.GetTimestamp();
            using (var run = new SimulationRun(scenario, new RunOptions { Seed = seed }))
            {
                run.Execute(probe);
            }

            reports.Add((seed, probe.Analyze(options), Stopwatch.GetElapsedTime(start).TotalSeconds));
        }

        return reports;
    }

    /// <summary>The three targets of issue 4 §6 for one run.</summary>
    public static bool Meets(RealismReport r) =>
        r.HillAlpha is >= 2 and <= 5
        && r.Facts.VolatilityClustering
        && r.Facts.SlowDecayOfVolatilityAutocorrelation
        && r.ImpactFit.Exponent is >= 0.4 and <= 0.6;

    private static void Row(string name, IEnumerable<double> values, string target, Func<double, bool> met, int digits = 3)
    {
        var v = values.ToArray();
        double mean = v.Average();
        double sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : double.NaN;
        string verdict = target.Length == 0 ? "" : met(mean) ? "yes" : "**no**";
        Console.WriteLine($"| {name} | {F(mean, digits)} | {F(sd, digits)} | {target} | {verdict} |");
    }

    private static string QvRange(RealismReport r) =>
        r.ImpactBins.Count == 0 ? "n/a" : $"{r.ImpactBins[0].Lower:G2}–{r.ImpactBins[^1].Upper:G2}";

    private static string Lags(IReadOnlyList<double> acf, int[] lags) =>
        string.Join(", ", lags.Where(l => l < acf.Count).Select(l => F(acf[l], 3)));

    internal static string F(double x, int digits = 2) =>
        double.IsNaN(x) ? "n/a" : x.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
