using Microstructure.Risk.Liquidation;
using Microstructure.Simulation.Running;
using Microstructure.Simulation.Scenarios;
using Microstructure.Simulation.Tests.TestSupport;

namespace Microstructure.Simulation.Tests.Running;

/// <summary>
/// Market makers hedging their inventory (a market-maker population's <c>hedge</c>, a comparison entry's
/// <c>marketMakerHedge</c>; issue 15 §4): the scenario fields, their validation, and what a run does with them.
/// </summary>
public class MarketMakerHedgeTests
{
    /// <summary>The small test scenario (3 makers, accounts 61–63) with the makers' population given <paramref name="hedge"/>.</summary>
    private static Scenario Small(string hedge) => ScenarioLoader.Parse(
        TestScenarios.SmallJson.Replace("""{ "kind": "market-maker", "count": 3,""", $$"""{ "kind": "market-maker", "count": 3, "hedge": {{hedge}},""", StringComparison.Ordinal),
        "small-hedged.json");

    private static (List<ExchangeEvent> Events, Microstructure.Risk.Processing.Exchange Exchange) Run(Scenario scenario, string? design = null)
    {
        var observer = new RecordingObserver();
        using var run = new SimulationRun(scenario, new RunOptions { Seed = 5, Design = design });
        run.Execute(observer);
        return (observer.Events, run.Exchange);
    }

    private static bool IsHedge(in ExchangeEvent e) =>
        e.Type == ExchangeEventType.InsuranceFund && e.FundReason is FundMovementReason.HedgePnl or FundMovementReason.HedgeCost;

    private static (ExchangeEventType, long, long, long, long, long, long) Key(ExchangeEvent e) =>
        (e.Type, e.Engine.AccountId, e.Engine.MakerAccountId, e.Engine.Price.Ticks, e.Engine.Quantity.Lots, e.Engine.Timestamp.Nanoseconds, e.PositionLots);

    [Fact]
    public void Each_member_of_a_hedging_maker_population_is_a_hedge_leg_with_the_populations_options()
    {
        var scenario = Small("""{ "ratio": 0.5, "feeRate": 0.001 }""");
        var hedges = scenario.CreateExchangeOptions(scenario.Design).AccountHedges;
        Assert.Equal([61L, 62L, 63L], hedges.Select(h => h.Account));
        Assert.All(hedges, h => Assert.Equal(new HedgeOptions { Ratio = 0.5m, FeeRate = 0.001m }, h.Hedge));
        Assert.Empty(TestScenarios.Small().CreateExchangeOptions(TestScenarios.Small().Design).AccountHedges); // off by default
    }

    [Fact]
    public void A_ratio_of_zero_runs_event_for_event_as_no_hedge()
    {
        var plain = Run(TestScenarios.Small()).Events;
        var zero = Run(Small("""{ "ratio": 0 }""")).Events;
        Assert.True(plain.Count > 1_000, $"only {plain.Count} events");
        Assert.Equal(plain, zero);
    }

    [Fact]
    public void Hedged_makers_trade_as_unhedged_ones_their_hedge_money_is_theirs_and_the_ledger_is_conserved()
    {
        var (plain, _) = Run(TestScenarios.Small());
        var (hedged, exchange) = Run(Small("{}"));
        var hedges = hedged.Where(e => IsHedge(in e)).ToList();
        Assert.NotEmpty(hedges);
        Assert.All(hedges, e => Assert.InRange(e.Engine.AccountId, 61, 63)); // the makers' own, never the fund's
        Assert.Equal(hedged.Count - hedges.Count, plain.Count);
        // The hedge venue does not touch the book: the same orders, trades and liquidations (balances differ: the hedge
        // money is in the makers' cash).
        Assert.Equal(plain.Select(Key), hedged.Where(e => !IsHedge(in e)).Select(Key));
        Assert.False(exchange.IsHedging);
        for (long maker = 61; maker <= 63; maker++)
        {
            Assert.Equal(-exchange.GetAccount(maker).Lots, exchange.HedgeLots(maker));
        }

        var totals = exchange.Totals();
        Assert.Equal(totals.NetDeposits, totals.Total);
    }

    [Fact]
    public void A_comparison_entrys_maker_hedge_replaces_the_populations_for_that_entry()
    {
        var scenario = TestScenarios.LoadShipped("hedging-makers.json");
        Assert.Equal(["mm-unhedged", "mm-hedged"], scenario.ComparisonNames);
        Assert.Equal(0m, scenario.ResolveMarketMakerHedge("mm-unhedged")!.Ratio);
        Assert.Equal(new HedgeOptions(), scenario.ResolveMarketMakerHedge("mm-hedged"));
        Assert.Null(scenario.ResolveMarketMakerHedge("insurance-fund"));
        Assert.Empty(scenario.CreateExchangeOptions(scenario.Design).AccountHedges); // micro simulate: leveraged-cascade's run
        var hedges = scenario.CreateExchangeOptions(scenario.ResolveDesign("mm-hedged"), scenario.Mitigations, scenario.ResolveMarketMakerHedge("mm-hedged")).AccountHedges;
        Assert.Equal(Enumerable.Range(701, 8).Select(a => (long)a), hedges.Select(h => h.Account)); // after 500 zi and 200 depth
        using var run = new SimulationRun(scenario, new RunOptions { Design = "mm-hedged", DurationSeconds = 1 });
        Assert.Equal(8, run.Exchange.Options.AccountHedges.Count);
    }

    [Theory]
    [InlineData("""{ "agents": [ { "kind": "market-maker", "hedge": { "ratio": 1.5 } } ] }""", "agents[0].hedge.ratio")]
    [InlineData("""{ "agents": [ { "kind": "noise" }, { "kind": "market-maker", "hedge": { "feeRate": -1 } } ] }""", "agents[1].hedge.feeRate")]
    [InlineData("""{ "agents": [ { "kind": "market-maker", "hedge": { "referenceNotional": 0 } } ] }""", "agents[0].hedge.referenceNotional")]
    [InlineData("""{ "agents": [ { "kind": "market-maker", "hedge": { "ratoi": 1 } } ] }""", "agents[0].hedge.ratoi")]
    [InlineData("""{ "agents": [ { "kind": "noise", "hedge": {} } ] }""", "agents[0].hedge")]
    [InlineData("""{ "comparison": { "designs": [ { "design": "insurance-fund", "label": "a", "marketMakerHedge": { "impactBps": 1000 } } ] }, "agents": [ { "kind": "market-maker" } ] }""", "comparison.designs[0].marketMakerHedge.impactBps")]
    [InlineData("""{ "comparison": { "designs": [ { "design": "insurance-fund", "label": "a", "marketMakerHedge": {} } ] }, "agents": [ { "kind": "noise" } ] }""", "comparison.designs[0].marketMakerHedge")]
    [InlineData("""{ "liquidation": { "design": "insurance-fund", "marketMakerHedge": {} }, "agents": [ { "kind": "market-maker" } ] }""", "liquidation.marketMakerHedge")]
    public void A_bad_maker_hedge_is_refused_naming_the_field(string json, string path)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "bad.json"));
        Assert.Equal(path, e.Path);
    }
}
