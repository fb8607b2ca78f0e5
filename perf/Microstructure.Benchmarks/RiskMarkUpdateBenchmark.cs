using BenchmarkDotNet.Attributes;
using Microstructure.Engine;
using Microstructure.Risk;
using Microstructure.Risk.Pricing;
using Microstructure.Workloads;

namespace Microstructure.Benchmarks;

/// <summary>
/// One external mark-price update through the whole exchange with 1,000,000 open leveraged positions and no breach
/// (issue 3 §6: ≥ 10M/s, i.e. ≤ 100 ns each). The memory diagnoser must show 0 B.
/// </summary>
[MemoryDiagnoser]
public class RiskMarkUpdateBenchmark
{
    private const int Updates = 1_000_000;

    private RiskPopulation _population = null!;
    private long _time;

    [GlobalSetup]
    public void Setup()
    {
        _population = RiskPopulation.Build(1_000_000, 100_000, MarkPriceMethod.External);
        _time = _population.Time;
    }

    [Benchmark(OperationsPerInvoke = Updates)]
    public long MarkUpdateNoBreach()
    {
        var sink = new ExchangeCountingSink();
        var command = ExchangeCommand.ForPrice(ExchangeCommandType.MarkPrice, RiskPopulation.EntryTicks, _time);
        for (int i = 0; i < Updates; i++)
        {
            command.Price = new Price(RiskPopulation.EntryTicks + (i % 3) - 1);
            command.Timestamp = new Timestamp(++_time);
            _population.Send(in command, ref sink);
        }

        return sink.Checksum;
    }
}
