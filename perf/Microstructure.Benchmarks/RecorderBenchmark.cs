using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microstructure.Analysis.Recording;
using Microstructure.Risk;
using Microstructure.Workloads;

namespace Microstructure.Benchmarks;

/// <summary>
/// The run recorder on a pre-generated stream of real exchange events (<see cref="RecorderWorkload"/>: 200,000 mix
/// commands ≈ 670,000 events, printed at setup): <see cref="Stream"/> is the per-event work (ledger, trackers, seven tape
/// tables to CSV and Parquet) up to closing the tapes; <see cref="StreamAndComplete"/> adds the end-of-run analysis,
/// tables, summary.json and report.md (plots off). Divide the mean by the event count for the cost per event. Each
/// invocation writes a fresh run directory under the temp folder, so the disk is part of the figure.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class RecorderBenchmark
{
    private const int Commands = 200_000;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ms-recorder-bench-" + Environment.ProcessId);
    private ExchangeEvent[] _events = [];
    private RecordedRunInfo _info = null!;
    private int _run;

    [GlobalSetup]
    public void Setup()
    {
        (_events, var exchange) = RecorderWorkload.Generate(Commands);
        _info = RecordedRunInfo.FromExchange(exchange, "recorder-bench", 42, "insurance-fund", 0, (Commands + 1) * RecorderWorkload.CommandIntervalNs);
        Console.WriteLine($"// recorder stream: {_events.Length:N0} events, {_events.Count(e => e.Type == ExchangeEventType.Trade):N0} trades, {_events.Count(e => e.Type == ExchangeEventType.TopOfBook):N0} top-of-book changes");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Benchmark]
    public long Stream()
    {
        using RunRecorder recorder = RunRecorder.Create(NextDirectory(), _info, new RecorderOptions { WritePlots = false });
        foreach (ref readonly ExchangeEvent e in _events.AsSpan())
        {
            recorder.OnEvent(in e);
        }

        return recorder.EventCount;
    }

    [Benchmark]
    public long StreamAndComplete()
    {
        using RunRecorder recorder = RunRecorder.Create(NextDirectory(), _info, new RecorderOptions { WritePlots = false });
        foreach (ref readonly ExchangeEvent e in _events.AsSpan())
        {
            recorder.OnEvent(in e);
        }

        return recorder.Complete().Counts.Trades;
    }

    private string NextDirectory() => Path.Combine(_root, (_run++).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
