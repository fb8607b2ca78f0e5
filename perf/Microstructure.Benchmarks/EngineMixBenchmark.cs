using BenchmarkDotNet.Attributes;
using Microstructure.Engine;
using Microstructure.Engine.Matching;
using Microstructure.Workloads;

namespace Microstructure.Benchmarks;

/// <summary>
/// The matching engine alone on exchange-core's mix (9% GTC, 3% IOC, 6% cancel, 82% move; ~1,000 orders on ~750
/// levels). Reported per command; the memory diagnoser must show 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class EngineMixBenchmark
{
    private const int Commands = 1_000_000;

    private OrderCommand[] _seed = [];
    private OrderCommand[] _commands = [];
    private MatchingEngine _engine = null!;

    [GlobalSetup]
    public void Setup() => (_seed, _commands) = ExchangeCoreMix.Generate(seed: 42, Commands);

    [IterationSetup]
    public void FreshBook()
    {
        // Every iteration replays the stream from the same seeded book, so each command meets the state it was generated for.
        _engine = ExchangeCoreMix.CreateEngine();
        var sink = new CountingSink();
        for (int i = 0; i < _seed.Length; i++)
        {
            _engine.Process(in _seed[i], i, ref sink);
        }
    }

    [Benchmark(OperationsPerInvoke = Commands)]
    public long ExchangeCoreMixCommand()
    {
        var sink = new CountingSink();
        var engine = _engine;
        var commands = _commands;
        for (int i = 0; i < commands.Length; i++)
        {
            engine.Process(in commands[i], i, ref sink);
        }

        return sink.Checksum;
    }
}
