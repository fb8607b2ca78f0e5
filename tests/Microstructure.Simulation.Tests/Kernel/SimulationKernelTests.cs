using Microstructure.Agents;
using Microstructure.Agents.Configuration;
using Microstructure.Simulation.Kernel;
using Microstructure.Simulation.Running;
using Microstructure.Simulation.Scenarios;
using Microstructure.Simulation.Tests.TestSupport;

namespace Microstructure.Simulation.Tests.Kernel;

public class SimulationKernelTests
{
    private const long Ms = 1_000_000;

    [Fact]
    public void Commands_reach_the_exchange_after_the_inbound_latency_in_the_order_the_agent_sent_them()
    {
        var probe = new ProbeAgent(1, (a, c) => c.WakeAt(10 * Ms));
        probe.OnWakeAction = (a, c) =>
        {
            for (long amount = 1; amount <= 20; amount++)
            {
                ProbeAgent.Send(c, KernelHarness.Deposit(1, amount));
            }
        };
        var observer = new RecordingObserver();
        using var kernel = KernelHarness.Build([probe], [KernelHarness.Latency(1_000, 100, jitterMicros: 500)], 100 * Ms);
        kernel.Run(observer);

        var deposits = observer.Events.Where(e => e.Type == ExchangeEventType.Deposit).ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(x => FixedPoint.ToCash(x)), deposits.Select(e => e.Amount));
        Assert.All(deposits, e => Assert.InRange(e.Engine.Timestamp.Nanoseconds, 11 * Ms, (11 * Ms) + (500 * 1_000)));
        Assert.True(deposits.Zip(deposits.Skip(1)).All(p => p.First.Engine.Timestamp.Nanoseconds <= p.Second.Engine.Timestamp.Nanoseconds));
        Assert.Equal(20, kernel.Counters.Arrivals);
    }

    [Fact]
    public void Own_events_reach_the_agent_one_outbound_latency_after_the_exchange_made_them()
    {
        var probe = new ProbeAgent(1, (a, c) => ProbeAgent.Send(c, KernelHarness.Deposit(1, 5)));
        using var kernel = KernelHarness.Build([probe], [KernelHarness.Latency(200, 3_000, jitterMicros: 700)], 100 * Ms);
        kernel.Run(null);

        var (now, e) = Assert.Single(probe.Received);
        Assert.Equal(ExchangeEventType.Deposit, e.Type);
        Assert.InRange(now - e.Engine.Timestamp.Nanoseconds, 3 * Ms, (3 * Ms) + (700 * 1_000));
        Assert.Equal(1, kernel.Counters.Deliveries);
    }

    [Fact]
    public void The_market_an_agent_sees_is_the_exchange_state_one_outbound_latency_ago()
    {
        // The maker's bid reaches the exchange at 1 ms + 100 µs; the watcher sees it only 5 ms later.
        var maker = new ProbeAgent(1, (a, c) =>
        {
            ProbeAgent.Send(c, KernelHarness.Deposit(1, 1_000_000));
            c.WakeAt(1 * Ms);
        });
        maker.OnWakeAction = (a, c) => a.Limit(c, Side.Buy, 9_990, 5);
        var seen = new List<(long Now, long Bid)>();
        var watcher = new ProbeAgent(2, (a, c) => c.WakeAt(Ms / 2));
        watcher.OnWakeAction = (a, c) =>
        {
            seen.Add((c.Now, c.Market.BidPrice));
            c.WakeAt(c.Now + (Ms / 4));
        };
        using var kernel = KernelHarness.Build([maker, watcher], [KernelHarness.Latency(100, 100), KernelHarness.Latency(100, 5_000)], 10 * Ms);
        kernel.Run(null);

        long arrival = (1 * Ms) + 100_000;
        Assert.All(seen.Where(s => s.Now < arrival + (5 * Ms)), s => Assert.Equal(0, s.Bid));
        Assert.All(seen.Where(s => s.Now >= arrival + (5 * Ms)), s => Assert.Equal(9_990, s.Bid));
        Assert.Contains(seen, s => s.Bid == 9_990);
    }

    [Fact]
    public void A_later_WakeAt_replaces_the_wake_scheduled_before()
    {
        var probe = new ProbeAgent(1, (a, c) =>
        {
            c.WakeAt(9 * Ms);
            c.WakeAt(4 * Ms);
        });
        using var kernel = KernelHarness.Build([probe], [KernelHarness.Latency(100, 100)], 20 * Ms);
        kernel.Run(null);
        Assert.Equal([4 * Ms], probe.Wakes);
        Assert.Equal(1, kernel.Counters.Wakes);
    }

    [Fact]
    public void Nothing_runs_after_the_end_but_everything_that_reached_the_exchange_is_observed()
    {
        var probe = new ProbeAgent(1, (a, c) => c.WakeAt(1 * Ms));
        probe.OnWakeAction = (a, c) =>
        {
            ProbeAgent.Send(c, KernelHarness.Deposit(1, 1));
            c.WakeAt(c.Now + (1 * Ms));
        };
        var observer = new RecordingObserver();
        using var kernel = KernelHarness.Build([probe], [KernelHarness.Latency(100, 400)], 10 * Ms);
        kernel.Run(observer);
        Assert.Equal(10, probe.Wakes.Count);
        Assert.All(probe.Wakes, t => Assert.True(t <= 10 * Ms));
        // Deposits sent at 1 … 9 ms arrive 100 µs later (the one sent at 10 ms would arrive after the end).
        Assert.Equal(9, observer.Events.Count(e => e.Type == ExchangeEventType.Deposit));
        Assert.All(probe.Received, r => Assert.True(r.Now <= 10 * Ms));
    }

    [Fact]
    public void Events_are_observed_in_exchange_order_command_by_command()
    {
        var observer = new RecordingObserver();
        using (var run = new SimulationRun(TestScenarios.Small(), new RunOptions { DurationSeconds = 15 }))
        {
            run.Execute(observer);
        }

        long previous = 0;
        foreach (var e in observer.Events)
        {
            Assert.True(e.Engine.CommandSequence >= previous, $"sequence went back from {previous} to {e.Engine.CommandSequence}");
            previous = e.Engine.CommandSequence;
        }

        Assert.True(observer.Events.Count > 3_000, $"only {observer.Events.Count} events");
    }

    [Theory]
    [InlineData(KernelMode.Direct)]
    [InlineData(KernelMode.Pipelined)]
    public void Lookahead_is_the_smallest_outbound_latency(KernelMode mode)
    {
        Agent[] agents = [new ProbeAgent(1), new ProbeAgent(2)];
        LatencyOptions[] latencies = [KernelHarness.Latency(10, 700, 300), KernelHarness.Latency(10, 400, 900)];
        using var kernel = KernelHarness.Build(agents, latencies, Ms, mode);
        Assert.Equal(400_000, kernel.Lookahead);
        kernel.Run(null);
    }

    [Fact]
    public void An_index_lag_longer_than_every_agent_latency_still_reads_the_book_one_lag_ago()
    {
        // Index = the book's mid alone (book weight 1, no news); agents see the book within 1 ms but the index source
        // 2 s late: every published index must be the mid of 2 s before (the kernel once forgot that history).
        var scenario = ScenarioLoader.Parse("""
            {
              "durationSeconds": 20,
              "index": { "volatilityPerSqrtSecond": 0, "bookWeight": 1, "lagSeconds": 2, "updateIntervalSeconds": 0.5 },
              "shocks": [ { "kind": "marketOrder", "atSeconds": 8, "side": "sell", "quantity": 2000 } ],
              "agents": [ { "kind": "noise", "count": 40, "limitRate": 2, "marketRate": 0.2, "cancelRate": 0.2 } ]
            }
            """, "lagged-index.json");
        var observer = new RecordingObserver();
        using (var run = new SimulationRun(scenario))
        {
            run.Execute(observer);
        }

        // A one-sided book (the shock may empty the bids for a moment) has no mid: the index is then the news value alone.
        var books = observer.Events.Where(e => e.Type == ExchangeEventType.TopOfBook)
            .Select(e => (Time: e.Engine.Timestamp.Nanoseconds, Mid: e.Engine.BidPrice.Ticks > 0 && e.Engine.AskPrice.Ticks > 0 ? (e.Engine.BidPrice.Ticks + e.Engine.AskPrice.Ticks) / 2.0 : scenario.InitialPriceTicks))
            .ToList();
        var late = observer.Events.Where(e => e.Type == ExchangeEventType.IndexPrice && e.Engine.Timestamp.Nanoseconds > 5_000 * Ms).ToList();
        Assert.NotEmpty(late);
        Assert.Contains(late, e => e.Engine.Price.Ticks < scenario.InitialPriceTicks - 10);
        foreach (var index in late)
        {
            double midThen = books.Last(m => m.Time <= index.Engine.Timestamp.Nanoseconds - (2_000 * Ms)).Mid;
            Assert.InRange(index.Engine.Price.Ticks, midThen - 1, midThen + 1);
        }
    }
}
