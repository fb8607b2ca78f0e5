using Microstructure.Simulation.Scenarios;

namespace Microstructure.Runner.Tests.TestSupport;

/// <summary>Scenarios small enough for unit tests, and the shipped ones.</summary>
internal static class TestScenarios
{
    /// <summary>Every family once, a shock and an index jump: 40 simulated seconds, about 100 agents.</summary>
    public const string SmallJson = """
        {
          "name": "small",
          "durationSeconds": 40,
          "seed": 3,
          "initialPrice": 50000,
          "exchange": { "mark": { "method": "mid" }, "insuranceFund": 100000 },
          "liquidation": { "design": "insurance-fund" },
          "lendingPool": { "liquidity": 5000000 },
          "index": { "volatilityPerSqrtSecond": 0.0002, "bookWeight": 0.5 },
          "snapshot": { "intervalSeconds": 2, "depth": 5 },
          "shocks": [
            { "kind": "marketOrder", "atSeconds": 20, "side": "sell", "quantity": 3000 },
            { "kind": "indexJump", "atSeconds": 30, "relative": -0.01 },
          ],
          "agents": [
            { "kind": "noise", "count": 60, "limitRate": 1, "marketRate": 0.2, "cancelRate": 0.1,
              "latency": { "inMicros": 300, "outMicros": 300, "jitterMicros": 200 } },
            { "kind": "market-maker", "count": 3, "latency": { "inMicros": 50, "outMicros": 50, "jitterMicros": 20 } },
            { "kind": "fundamental", "count": 5 },
            { "kind": "momentum", "count": 5 },
            { "kind": "leveraged", "count": 20, "entryEndSeconds": 10, "leverage": { "distribution": "uniform", "min": 20, "max": 60 },
              "coolDownSeconds": 2, "topUpProbability": 1 },
            { "kind": "lending-looper", "count": 3, "entryEndSeconds": 5 },
            { "kind": "liquidator", "count": 2 },
          ],
        }
        """;

    public static Scenario Small() => ScenarioLoader.Parse(SmallJson, "small.json");

    public static string Shipped(string name) => Path.Combine(AppContext.BaseDirectory, "data", "scenarios", name);

    public static Scenario LoadShipped(string name) => ScenarioLoader.Load(Shipped(name));
}
