using System.Diagnostics;
using System.Globalization;
using Microstructure.Analysis.Recording;
using Microstructure.Runner.Recording;
using Microstructure.Simulation.Running;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.PerfTests;

/// <summary>
/// The <c>realism cascade</c> mode: the default scenario (leveraged-cascade.json) for seeds 1–5, each run recorded as
/// <c>micro simulate</c> records it, and its cascade dynamics beside the targets of issue 11 §4 (docs/realism.md).
/// </summary>
internal static class CascadeRealismTable
{
    private static readonly int[] Seeds = [1, 2, 3, 4, 5];

    public static void Print(string scenarioFile, string? design)
    {
        var scenario = ScenarioLoader.Load(scenarioFile);
        string root = Path.Combine(Path.GetTempPath(), $"ms-cascade-realism-{Environment.ProcessId}");
        var rows = new List<(int Seed, CascadeDynamics? D, long Liquidations, double Drawdown, double Amplification, decimal BadDebt, decimal Unrealized, decimal FundUsage, double Wall)>();
        try
        {
            foreach (int seed in Seeds)
            {
                var watch = Stopwatch.StartNew();
                using var run = new SimulationRun(scenario, new RunOptions { Seed = seed, Design = design });
                var summary = RecordedSimulation.Execute(run, Path.Combine(root, seed.ToString(CultureInfo.InvariantCulture)));
                rows.Add((seed, summary.Dynamics, summary.Liquidations, summary.MaxDrawdown, summary.Amplification,
                    summary.ToQuote(summary.BadDebt), summary.ToQuote(summary.UnrealizedBadDebt), summary.ToQuote(summary.FundUsage), watch.Elapsed.TotalSeconds));
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        Console.WriteLine($"## Cascade dynamics: {scenario.Name}, design {design ?? scenario.Definition.Liquidation.Design}, seeds {string.Join(", ", Seeds)}");
        Console.WriteLine();
        Console.WriteLine("| seed | liquidations (after the shock) | span s | distinct seconds | max share in 1 s | Hill α top 10% | max/median | book share | ADL share | first ADL s | median equity | with parent | depth ±1% before → min (lots) | depth half-life s | mid half-recovery s | amplification | drawdown | bad debt | unrealized bad debt | fund usage | wall s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var d = r.D;
            if (d is null)
            {
                Console.WriteLine($"| {r.Seed} | 0 (of {r.Liquidations}) | | | | | | | | | | | | | | | | | | | {r.Wall:F1} |");
                continue;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Seed} | {d.Liquidations} (of {r.Liquidations}) | {d.SpanSeconds:F0} | {d.DistinctSeconds} | {d.MaxShareInOneSecond:P0} | {d.HillAlphaTop10:F2} | {d.MaxOverMedian:F1} | {d.BookShare:P0} | {d.AdlShare:P1} | {S(d.FirstAdlSeconds)} | {d.MedianEquity / 1e8:F2} | {d.ParentShare:P0} | {d.DepthBefore:F0} → {d.DepthMin} | {S(d.DepthHalfLifeSeconds)} | {S(d.MidHalfRecoverySeconds)} | {r.Amplification:F2} | {r.Drawdown:P2} | {r.BadDebt:N0} | {r.Unrealized:N0} | {r.FundUsage:N0} | {r.Wall:F1} |"));
        }

        var all = rows.Where(r => r.D is not null).Select(r => r.D!).ToList();
        Console.WriteLine();
        Console.WriteLine("| target | seeds meeting it |");
        Console.WriteLine("|---|---|");
        Target("span ≥ 60 s", all, d => d.SpanSeconds >= 60);
        Target("≥ 30 distinct seconds", all, d => d.DistinctSeconds >= 30);
        Target("no second holds > 25%", all, d => d.MaxShareInOneSecond <= 0.25);
        Target("Hill α of the top 10% in [1, 2.5]", all, d => d.HillAlphaTop10 is >= 1 and <= 2.5);
        Target("max/median ≥ 20", all, d => d.MaxOverMedian >= 20);
        Target("≥ 70% closed on the book", all, d => d.BookShare >= 0.7);
        Target("ADL ≤ 10%", all, d => d.AdlShare <= 0.1);
        Target("median equity at liquidation > 0", all, d => d.MedianEquity > 0);
        Target("≥ 80% of non-root liquidations with a parent", all, d => d.ParentShare >= 0.8);
        Target("depth falls during the cascade", all, d => d.DepthMin < d.DepthBefore);
        Target("the mid does not regain half its move within 1 s", all, d => d.MidHalfRecoverySeconds is not < 1);
        Console.WriteLine();
    }

    private static string S(double? seconds) => seconds is { } s && double.IsFinite(s) ? s.ToString("F0", CultureInfo.InvariantCulture) : "—";

    private static void Target(string name, List<CascadeDynamics> all, Func<CascadeDynamics, bool> met) =>
        Console.WriteLine($"| {name} | {all.Count(met)} of {all.Count} |");
}
