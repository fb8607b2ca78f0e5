using BenchmarkDotNet.Attributes;
using Microstructure.Risk;
using Microstructure.Risk.Monitoring;
using Microstructure.Risk.Pricing;
using Microstructure.Workloads;

namespace Microstructure.Benchmarks;

/// <summary>
/// The risk monitor's cost on the business-logic thread (issue 15 §1: one snapshot at 1,000,000 positions under
/// 10 ms, no allocation): a clock tick through the exchange with the monitor due on every command, so each operation
/// is one tick plus one whole snapshot (a pass over the positions, the threshold lookups, four selections per
/// distribution) and its hand-over to the reader. 100,000 of the positions have liquidation prices inside the map.
/// </summary>
[MemoryDiagnoser]
public class RiskMonitorBenchmark
{
    private RiskPopulation _population = null!;
    private RiskMonitor _monitor = null!;
    private long _time;

    /// <summary>Open leveraged positions.</summary>
    [Params(100_000, 1_000_000)]
    public int Positions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _population = RiskPopulation.Build(Positions, Positions / 10, MarkPriceMethod.External);
        _monitor = new RiskMonitor(new RiskMonitorOptions { IntervalNs = 1 });
        _population.Exchange.AttachMonitor(_monitor);
        _time = _population.Time;
    }

    [Benchmark]
    public long TickWithSnapshot()
    {
        var sink = new ExchangeCountingSink();
        var command = ExchangeCommand.Tick(++_time);
        _population.Send(in command, ref sink);
        long checksum = sink.Checksum;
        while (_monitor.TryTake(long.MaxValue, out RiskSnapshot s))
        {
            checksum += s.OpenInterestLots + s.LongBuckets[s.BucketsPerSide - 1];
            _monitor.Return(s);
        }

        return checksum;
    }
}
