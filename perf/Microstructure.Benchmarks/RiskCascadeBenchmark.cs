using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microstructure.Risk.Pricing;
using Microstructure.Workloads;

namespace Microstructure.Benchmarks;

/// <summary>
/// One command (a 2-lot market sell) that sets off 100,000 liquidations among 1,000,000 open positions, each a market
/// order walking two levels of the book (issue 3 §6: ≤ 100 ms in all, i.e. ≤ 1 µs per liquidation). Each iteration
/// rebuilds the population, so few iterations.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class RiskCascadeBenchmark
{
    private const int Liquidations = 100_000;

    private RiskPopulation _population = null!;

    [IterationSetup]
    public void Build() => _population = RiskPopulation.Build(1_000_000, Liquidations, MarkPriceMethod.LastTrade);

    [Benchmark(OperationsPerInvoke = Liquidations)]
    public long CascadeLiquidation()
    {
        var sink = new ExchangeCountingSink();
        var shock = _population.Shock();
        _population.Send(in shock, ref sink);
        return sink.Liquidations;
    }
}
