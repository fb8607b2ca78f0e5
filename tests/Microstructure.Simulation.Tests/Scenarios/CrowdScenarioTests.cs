using Microstructure.Agents;
using Microstructure.Simulation.Running;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Simulation.Tests.Scenarios;

/// <summary>
/// Issue 11 §3 end to end: a heavy-tailed crowd of leveraged longs and shorts, hedgers (some without a top-up
/// reserve), makers with a set depth and a refill half-life, and good news (index +12%, a 3 BTC market buy) that
/// squeezes the shorts: the mid climbs about 8% in the 30 s after it.
/// </summary>
public sealed class CrowdScenarioTests
{
    private const double ShockSeconds = 30;

    private const string Json = """
        {
          "name": "crowd",
          "durationSeconds": 60,
          "seed": 4,
          "initialPrice": 50000,
          "exchange": { "mark": { "method": "mid" }, "insuranceFund": 1000000 },
          "liquidation": { "design": "insurance-fund" },
          "index": { "volatilityPerSqrtSecond": 0.00005, "bookWeight": 0.3 },
          "shocks": [
            { "kind": "indexJump", "atSeconds": 30, "relative": 0.12 },
            { "kind": "marketOrder", "atSeconds": 30, "side": "buy", "quantity": 3000 },
          ],
          "agents": [
            { "kind": "noise", "count": 60, "limitRate": 1, "marketRate": 0.2, "cancelRate": 0.1 },
            { "kind": "market-maker", "count": 3, "indexWeight": 0.7, "depthQuote": 100000, "maxInventory": 20000,
              "refillHalfLifeSeconds": 10, "withdrawSeconds": 5 },
            { "kind": "fundamental", "count": 10, "rate": 2, "threshold": 0.0002, "lotsPerPercent": 100000, "maxOrder": 100 },
            { "kind": "leveraged", "name": "crowd", "count": 100,
              "capital": { "distribution": "pareto", "scale": 50, "alpha": 1.3, "max": 50000 },
              "leverage": { "distribution": "logNormal", "median": 20, "sigma": 0.5, "min": 5, "max": 50 },
              "longProbability": 0.5, "entryStartSeconds": 1, "entryEndSeconds": 25, "stopProbability": 0 },
            { "kind": "hedger", "name": "unfunded", "count": 4, "capital": 10000, "leverage": 20,
              "entryEndSeconds": 10, "entrySlices": 4, "sliceIntervalSeconds": 1, "topUpReserve": 0, "reduceMarginRatio": 0.99 },
            { "kind": "hedger", "name": "funded", "count": 4, "capital": 20000, "leverage": 3,
              "entryEndSeconds": 10, "sliceIntervalSeconds": 1, "topUpReserve": 2, "topUpDelaySeconds": 0 },
          ],
        }
        """;

    [Fact]
    public void Before_the_shock_the_crowd_holds_longs_and_shorts_and_every_hedger_holds_its_short()
    {
        using var run = new SimulationRun(ScenarioLoader.Parse(Json, "crowd.json"), new RunOptions { DurationSeconds = ShockSeconds - 1 });
        run.Execute();
        var crowd = run.Agents.Where(a => a.Kind == AgentKind.Leveraged).ToList();
        int longs = crowd.Count(a => a.Account.Position > 0), shorts = crowd.Count(a => a.Account.Position < 0);
        Assert.True(longs >= 20 && shorts >= 20, $"{longs} longs, {shorts} shorts");
        var hedgers = run.Agents.Where(a => a.Kind == AgentKind.Hedger).ToList();
        Assert.Equal(8, hedgers.Count);
        // $10,000 × 20 (or $20,000 × 3) at about $50,000: 4 (1.2) BTC short, within the price drift of the first 10 s.
        Assert.All(hedgers.Where(h => h.Population == "unfunded"), h => Assert.InRange(h.Account.Position, -4_080, -3_920));
        Assert.All(hedgers.Where(h => h.Population == "funded"), h => Assert.InRange(h.Account.Position, -1_224, -1_176));
        Assert.Contains(run.Info.Accounts, a => a.Kind == AccountRoleKind.Hedger && a.Population == "funded");
    }

    [Fact]
    public void An_up_move_liquidates_shorts_and_squeezes_the_hedgers_that_cannot_top_up()
    {
        using var run = new SimulationRun(ScenarioLoader.Parse(Json, "crowd.json"));
        var observer = new Observer();
        run.Execute(observer);
        var byAccount = run.Agents.ToDictionary(a => a.AccountId);
        var liquidated = observer.Liquidated.Where(byAccount.ContainsKey).Select(a => byAccount[a]).ToList();
        int shortsOut = observer.ClosedShort.Count(a => byAccount.TryGetValue(a, out var agent) && agent.Kind == AgentKind.Leveraged);
        int longsOut = observer.ClosedLong.Count(a => byAccount.TryGetValue(a, out var agent) && agent.Kind == AgentKind.Leveraged);
        Assert.True(shortsOut >= 5 && shortsOut > longsOut, $"{shortsOut} leveraged shorts and {longsOut} longs liquidated");
        Assert.Contains(liquidated, a => a.Population == "unfunded");
        Assert.DoesNotContain(liquidated, a => a.Population == "funded");
    }

    /// <summary>Liquidated accounts, and the side of their position when the liquidation began (from the trades before it).</summary>
    private sealed class Observer : IExchangeEventObserver
    {
        private readonly Dictionary<long, long> _position = [];

        public HashSet<long> Liquidated { get; } = [];

        public HashSet<long> ClosedShort { get; } = [];

        public HashSet<long> ClosedLong { get; } = [];

        public void OnEvent(in ExchangeEvent e)
        {
            switch (e.Type)
            {
                case ExchangeEventType.LiquidationTriggered:
                    long account = e.Engine.AccountId;
                    Liquidated.Add(account);
                    long position = _position.GetValueOrDefault(account);
                    if (position != 0)
                    {
                        (position < 0 ? ClosedShort : ClosedLong).Add(account);
                    }

                    break;
                case ExchangeEventType.Trade:
                    long lots = e.Engine.Side == Side.Buy ? e.Engine.Quantity.Lots : -e.Engine.Quantity.Lots;
                    _position[e.Engine.AccountId] = _position.GetValueOrDefault(e.Engine.AccountId) + lots;
                    _position[e.Engine.MakerAccountId] = _position.GetValueOrDefault(e.Engine.MakerAccountId) - lots;
                    break;
            }
        }
    }
}
