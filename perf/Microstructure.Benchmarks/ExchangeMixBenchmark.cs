using BenchmarkDotNet.Attributes;
using Microstructure.Risk;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Processing;
using Microstructure.Workloads;

namespace Microstructure.Benchmarks;

/// <summary>
/// exchange-core's mix through the whole exchange: pre-trade margin checks, fills settled into accounts, reservations
/// and index upkeep on top of matching. Compare with <see cref="EngineMixBenchmark"/> for the cost risk adds.
/// </summary>
[MemoryDiagnoser]
public class ExchangeMixBenchmark
{
    private const int Commands = 1_000_000;

    private ExchangeCommand[] _seed = [];
    private ExchangeCommand[] _commands = [];
    private Exchange _exchange = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (seed, commands) = ExchangeCoreMix.Generate(seed: 42, Commands);
        _seed = [.. seed.Select(c => ExchangeCommand.ForOrder(in c, 0))];
        _commands = [.. commands.Select(c => ExchangeCommand.ForOrder(in c, 0))];
    }

    [IterationSetup]
    public void FreshExchange()
    {
        _exchange = new Exchange(new ExchangeOptions
        {
            Instrument = ExchangeCoreMix.Instrument,
            MaxAccounts = ExchangeCoreMix.Accounts + 8,
            MaxOrders = ExchangeCoreMix.EngineCapacity,
            Brackets = new BracketTable([new MarginBracketSpec(10_000_000_000m, 100, 0.01m)]),
            Mark = new MarkPriceOptions { Method = MarkPriceMethod.LastTrade, PublishIntervalSeconds = 0 },
            LiquidationEngine = Microstructure.Risk.Liquidation.LiquidationEngineOptions.Immediate,
            Funding = new FundingOptions { Enabled = false },
        });
        var sink = new NullExchangeSink();
        long sequence = 0;
        for (int a = 0; a < ExchangeCoreMix.Accounts; a++)
        {
            var deposit = ExchangeCommand.Cash(ExchangeCommandType.Deposit, a, FixedPoint.ToCash(100_000_000m), 0);
            _exchange.Process(in deposit, sequence++, ref sink);
        }

        for (int i = 0; i < _seed.Length; i++)
        {
            _exchange.Process(in _seed[i], sequence++, ref sink);
        }
    }

    [Benchmark(OperationsPerInvoke = Commands)]
    public long ExchangeCoreMixThroughRisk()
    {
        var sink = new ExchangeCountingSink();
        var exchange = _exchange;
        var commands = _commands;
        for (int i = 0; i < commands.Length; i++)
        {
            exchange.Process(in commands[i], i, ref sink);
        }

        return sink.Checksum;
    }
}
