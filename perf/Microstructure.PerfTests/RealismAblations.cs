using Microstructure.Agents.Families;
using Microstructure.Runner.Diagnostics;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.PerfTests;

/// <summary>
/// What makes calm.json's stylized facts: the same seeds with one ingredient removed at a time — the index's
/// volatility bursts (volatilityOfVolatility 0) and the noise traders' cap of market orders at a multiple of the
/// opposite best size (marketSizeDepthMultiple 0) — beside the scenario as shipped.
/// </summary>
internal static class RealismAblations
{
    public static void Print(Scenario calm, RealismOptions options, IReadOnlyList<RealismReport> shipped)
    {
        var definition = calm.Definition;
        var variants = new (string Name, ScenarioDefinition Definition)[]
        {
            ("calm.json as shipped", definition),
            ("no volatility bursts (index volatilityOfVolatility 0)", definition with { Index = definition.Index with { VolatilityOfVolatility = 0 } }),
            ("no market-order cap (noise marketSizeDepthMultiple 0)", definition with
            {
                Agents = [.. definition.Agents.Select(a => a is NoiseTraderOptions noise ? noise with { MarketSizeDepthMultiple = 0 } : a)],
            }),
        };

        Console.WriteLine($"## Realism ablations: means over seeds {string.Join(", ", calm.Seeds)}");
        Console.WriteLine();
        Console.WriteLine("| variant | Hill α (\\|r\\|) | excess kurtosis | ACF \\|r\\| lag 1 / 10 / 50 | β (R²) | impact δ (R²) | Y | mean spread (ticks) | seeds meeting all targets |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, variant) in variants)
        {
            var reports = ReferenceEquals(variant, definition)
                ? shipped
                : RealismTable.RunSeeds(ScenarioLoader.FromDefinition(variant, name), options).Select(x => x.Report).ToList();
            double Mean(Func<RealismReport, double> f) => reports.Average(f);
            Console.WriteLine(
                $"| {name} | {F(Mean(r => r.HillAlpha))} | {F(Mean(r => r.Facts.Moments.ExcessKurtosis), 1)} | {F(Mean(r => r.AbsAcf(1)), 3)} / {F(Mean(r => r.AbsAcf(10)), 3)} / {F(Mean(r => r.AbsAcf(50)), 3)} | {F(Mean(r => r.Facts.AbsoluteAcfDecayExponent))} ({F(Mean(r => r.Facts.AbsoluteAcfDecay.RSquared))}) | {F(Mean(r => r.ImpactFit.Exponent))} ({F(Mean(r => r.ImpactFit.RSquared))}) | {F(Mean(r => r.ImpactFit.Prefactor))} | {F(Mean(r => r.MeanSpreadTicks), 1)} | {reports.Count(RealismTable.Meets)} of {reports.Count} |");
        }

        Console.WriteLine();
    }

    private static string F(double x, int digits = 2) => RealismTable.F(x, digits);
}
