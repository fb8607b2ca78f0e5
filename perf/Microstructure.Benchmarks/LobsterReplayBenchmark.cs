using BenchmarkDotNet.Attributes;
using Microstructure.Replay.Lobster;
using Microstructure.Workloads;

namespace Microstructure.Benchmarks;

/// <summary>
/// LOBSTER replay from disk (parse + apply to the L3 book) of a 1M-message synthetic file; reported per message.
/// Allocation per message should be ~0: only the per-run book and buffers are allocated.
/// </summary>
[MemoryDiagnoser]
public class LobsterReplayBenchmark
{
    private const int Messages = 1_000_000;
    private string _path = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"ms-lobster-bdn-{Messages}_message_0.csv");
        if (!File.Exists(_path))
        {
            LobsterFileGenerator.Write(_path, Messages, seed: 7);
        }
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public long ParseAndApply() => LobsterReplay.Run(new LobsterReplayOptions { MessagesPath = _path, MaxOrders = 1 << 18 }).MessagesApplied;
}
