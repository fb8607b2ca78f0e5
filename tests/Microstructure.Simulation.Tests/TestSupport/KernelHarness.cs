using Microstructure.Agents;
using Microstructure.Agents.Configuration;
using Microstructure.Agents.Market;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Processing;
using Microstructure.Simulation.Kernel;

namespace Microstructure.Simulation.Tests.TestSupport;

/// <summary>Builds a kernel over a small exchange (cent ticks, unit lots, no fees, last-trade mark) for scripted agents.</summary>
internal static class KernelHarness
{
    public static readonly InstrumentSpec Instrument = new("TEST", 0.01m, 1m, new Price(1), new Price(1_000_000), new Quantity(1_000_000));

    public static SimulationKernel Build(IReadOnlyList<Agent> agents, IReadOnlyList<LatencyOptions> latencies, long endNs, KernelMode mode = KernelMode.Direct)
    {
        var options = new ExchangeOptions
        {
            Instrument = Instrument,
            MaxAccounts = 64,
            MaxOrders = 4_096,
            TakerFeeRate = 0m,
            MakerFeeRate = 0m,
            Brackets = new BracketTable([new MarginBracketSpec(1_000_000_000m, 100, 0.005m)]),
            Mark = new MarkPriceOptions { Method = MarkPriceMethod.LastTrade, PublishIntervalSeconds = 0 },
            LiquidationEngine = Microstructure.Risk.Liquidation.LiquidationEngineOptions.Immediate,
            Funding = new FundingOptions { Enabled = false },
        };
        var exchange = new Exchange(options);
        var rules = new MarketRules(Instrument, exchange.CashPerTickLot, 0, 0, 0.01, options.Brackets, null, 10_000);
        return new SimulationKernel(new KernelSetup
        {
            Exchange = exchange,
            Agents = agents,
            Latencies = latencies,
            Rules = rules,
            Seed = 1,
            EndNs = endNs,
            Mode = mode,
        });
    }

    public static LatencyOptions Latency(double inMicros, double outMicros, double jitterMicros = 0) =>
        new() { InMicros = inMicros, OutMicros = outMicros, JitterMicros = jitterMicros };

    public static ExchangeCommand Deposit(long account, long quote) =>
        ExchangeCommand.Cash(ExchangeCommandType.Deposit, account, FixedPoint.ToCash(quote), 0);
}
