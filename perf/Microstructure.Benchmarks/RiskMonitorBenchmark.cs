using BenchmarkDotNet.Attributes;
using Microstructure.Risk;
using Microstructure.Risk.Monitoring;
using Microstructure.Risk.Pricing;
using Microstructure.Workloads;

namespace Microstructure.Benchmarks;

/// <summary>
/// The risk monitor's cost on the business-logic thread (issue 15 §1: one snapshot at 1,000,000 positions under
/// 10 ms, no allocation). Three operations on the same population (100,000 of the positions with liquidation prices
/// inside the map):
/// <list type="bullet">
/// <item><see cref="WholeSnapshotOnThread"/>: copy and compute on the calling thread — what the business-logic thread
/// pays below <c>RiskMonitorOptions.OffThreadFrom</c> positions (a pass, the threshold lookups, four selections per
/// distribution);</item>
/// <item><see cref="CopyOnly"/>: the copy alone — what it pays from that threshold on, the rest running on a
/// thread-pool thread;</item>
/// <item><see cref="TickWithOffThreadSnapshot"/>: a clock tick through the exchange with a snapshot due, computed
/// off-thread, and the wait for it — the monitor's end-to-end throughput.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class RiskMonitorBenchmark
{
    private RiskPopulation _population = null!;
    private RiskMonitor _monitor = null!;
    private long _time;
    private long _sequence;

    /// <summary>Open leveraged positions.</summary>
    [Params(100_000, 1_000_000)]
    public int Positions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _population = RiskPopulation.Build(Positions, Positions / 10, MarkPriceMethod.External);
        _monitor = new RiskMonitor(new RiskMonitorOptions { IntervalNs = 1, OffThreadFrom = 0 });
        _population.Exchange.AttachMonitor(_monitor);
        _time = _population.Time;
    }

    [Benchmark]
    public long WholeSnapshotOnThread() => _monitor.Capture(++_sequence).OpenInterestLots;

    [Benchmark]
    public int CopyOnly() => _monitor.CopyOnly(++_sequence);

    [Benchmark]
    public long TickWithOffThreadSnapshot()
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
