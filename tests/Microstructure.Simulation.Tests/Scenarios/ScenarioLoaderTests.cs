using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Pricing;
using Microstructure.Simulation.Scenarios;
using Microstructure.Simulation.Tests.TestSupport;

namespace Microstructure.Simulation.Tests.Scenarios;

public class ScenarioLoaderTests
{
    [Theory]
    [InlineData("calm.json")]
    [InlineData("leveraged-cascade.json")]
    [InlineData("lending-unwind.json")]
    [InlineData("design-comparison.json")]
    [InlineData("hedging.json")]
    [InlineData("hedging-makers.json")]
    public void Every_shipped_scenario_loads(string file)
    {
        var scenario = TestScenarios.LoadShipped(file);
        Assert.False(string.IsNullOrWhiteSpace(scenario.Definition.Description));
        Assert.True(scenario.AgentCount > 0);
    }

    [Fact]
    public void The_hedging_scenario_runs_labelled_variants_that_resolve_to_their_own_options()
    {
        var scenario = TestScenarios.LoadShipped("hedging.json");
        Assert.Equal(["fund-unhedged", "fund-hedged", "vault-unhedged", "vault-hedged"], scenario.ComparisonNames);
        Assert.Equal(0m, scenario.ResolveDesign("fund-unhedged").Hedge!.Ratio);
        Assert.Equal(new HedgeOptions(), scenario.ResolveDesign("fund-hedged").Hedge);
        Assert.IsType<BackstopVaultOptions>(scenario.ResolveDesign("vault-hedged"));
        Assert.Null(scenario.ResolveDesign("insurance-fund").Hedge); // the scenario's own design, by its name: unhedged
        Assert.Null(scenario.Design.Hedge);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed_and_defaults_fill_the_rest()
    {
        var scenario = ScenarioLoader.Parse("""
            // a comment
            { "agents": [ { "kind": "noise", "count": 2, /* inline */ }, ], }
            """, "minimal.json");
        Assert.Equal("minimal", scenario.Name);
        Assert.Equal(2, scenario.AgentCount);
        Assert.Equal(300_000_000_000, scenario.DurationNs);
        Assert.Equal(500_000, scenario.InitialPriceTicks);
        Assert.Equal(LiquidationPolicies.InsuranceFund, scenario.Design.Name);
        Assert.Equal([1L], scenario.Seeds);
    }

    [Fact]
    public void Exchange_design_and_mitigation_options_are_read_into_the_exchange_options()
    {
        var scenario = ScenarioLoader.Parse("""
            {
              "exchange": { "takerFeeRate": 0.0005, "mark": { "method": "lastTrade" }, "funding": { "enabled": false } },
              "liquidation": { "design": "time-sliced", "options": { "sliceFraction": 0.25 } },
              "mitigations": [ { "name": "price-band", "options": { "band": 0.03 } } ],
              "agents": [ { "kind": "noise" } ]
            }
            """, "x.json");
        var options = scenario.CreateExchangeOptions(scenario.Design);
        Assert.Equal(0.0005m, options.TakerFeeRate);
        Assert.Equal(MarkPriceMethod.LastTrade, options.Mark.Method);
        Assert.False(options.Funding.Enabled);
        Assert.Equal(0.25m, Assert.IsType<TimeSlicedOptions>(options.Liquidation).SliceFraction);
        Assert.Equal(0.03m, Assert.IsType<PriceBandOptions>(Assert.Single(options.Mitigations)).Band);
    }

    [Theory]
    [InlineData("""{ "agents": [ { "kind": "noise" }, { "kind": "leveraged", "leverage": { "distribution": "uniform", "min": 1, "max": 0.5 } } ] }""",
        "agents[1].leverage.max", "must be in [1, 1000]; got 0.5", 1)]
    [InlineData("{\n  \"agents\": [\n    { \"kind\": \"noise\",\n      \"limitRate\": -1 }\n  ]\n}", "agents[0].limitRate", "must be in [0, 1000]; got -1", 4)]
    [InlineData("{\n  \"agents\": [ { \"kind\": \"whale\" } ]\n}", "agents[0].kind", "unknown agent kind 'whale'; expected one of: noise, market-maker, fundamental, momentum, leveraged, lending-looper, liquidator, hedger", 2)]
    [InlineData("{\n  \"agents\": [ { \"count\": 3 } ]\n}", "agents[0].kind", "is required", 2)]
    [InlineData("{\n  \"durationSecs\": 10\n}", "durationSecs", "unknown field 'durationSecs'", 2)]
    [InlineData("{\n  \"agents\": [ { \"kind\": \"noise\", \"colour\": 1 } ]\n}", "agents[0].colour", "unknown field 'colour'", 2)]
    [InlineData("{\n  \"durationSeconds\": \"long\"\n}", "durationSeconds", "has the wrong type", 2)]
    [InlineData("{\n  \"liquidation\": { \"design\": \"time-sliced\",\n    \"options\": { \"sliceFraction\": 1.5 } }\n}", "liquidation.options.sliceFraction", "must be in (0, 1]; got 1.5", 3)]
    [InlineData("{\n  \"liquidation\": { \"design\": \"bail-out\" }\n}", "liquidation.design", "unknown liquidation design 'bail-out'", 2)]
    [InlineData("{\n  \"exchange\": {\n    \"funding\": { \"intervalSeconds\": 0 } }\n}", "exchange.funding.intervalSeconds", "must be > 0 seconds", 3)]
    [InlineData("{\n  \"exchange\": { \"mark\": { \"method\": \"vwap\" } }\n}", "exchange.mark.method", "has the wrong type", 2)]
    [InlineData("{\n  \"shocks\": [ { \"kind\": \"marketOrder\", \"atSeconds\": 5, \"quantity\": 0 } ]\n}", "shocks[0].quantity", "must be in [1, 1000000000]; got 0", 2)]
    [InlineData("{\n  \"lendingPool\": { \"options\": { \"loanToValue\": 1.2 } }\n}", "lendingPool.options.loanToValue", "must be in (0, 1); got 1.2", 2)]
    [InlineData("{\n  \"agents\": [\n    { \"kind\": \"hedger\", \"topUpMarginRatio\": 1.5 } ]\n}", "agents[0].topUpMarginRatio", "must be in (0, 1); got 1.5", 3)]
    [InlineData("{\n  \"agents\": [\n    { \"kind\": \"leveraged\",\n      \"capital\": { \"distribution\": \"pareto\", \"scale\": 50, \"alpha\": 1.3 } } ]\n}", "agents[0].capital.max", "must cap the pareto at most at 1000000000", 4)]
    [InlineData("{\n  \"agents\": [ { \"kind\": \"market-maker\", \"refillHalfLifeSeconds\": -1 } ]\n}", "agents[0].refillHalfLifeSeconds", "must be in [0, 86400]; got -1", 2)]
    [InlineData("{\n  \"tickIntervalSeconds\": 1e-9\n}", "tickIntervalSeconds", "must be 0 (none) or at least 0.001 s; got 1E-09", 2)]
    [InlineData("{\n  \"snapshot\": { \"intervalSeconds\": 0.000001 }\n}", "snapshot.intervalSeconds", "must be 0 (none) or at least 0.001 s", 2)]
    [InlineData("{\n  \"instrument\": { \"symbol\": \"X\", \"tickSize\": 0.000000000001, \"lotSize\": 0.001 }\n}", "instrument.tickSize", "span 10,000,000,000,000,000,000 ticks; the book holds at most 4,611,686,018,427,387,904 (2^62): use a coarser tick or a lower instrument.maxPrice", 2)]
    [InlineData("{\n  \"instrument\": { \"symbol\": \"X\", \"tickSize\": 0.0000000000000000000000000001, \"lotSize\": 0.001 }\n}", "instrument.tickSize", "span more than 4,611,686,018,427,387,904 ticks", 2)]
    [InlineData("{\n  \"initialPrice\": 10000000000000000000000000000,\n  \"instrument\": { \"tickSize\": 0.00000001 }\n}", "initialPrice", "must lie between one tick (0.00000001) and instrument.maxPrice", 2)]
    [InlineData("{\n  \"instrument\": { \"symbol\": \"X\", \"tickSize\": 0.1, \"lotSize\": 1000, \"maxPrice\": 1000000000 }\n}", "instrument", "one lot at the highest price is worth 1E+12 quote, more than 64-bit cash holds per position (2.31E+10 quote): lower maxPrice or lotSize", 2)]
    [InlineData("{\n  \"initialPrice\": 1000000,\n  \"instrument\": { \"symbol\": \"X\", \"tickSize\": 1000000, \"lotSize\": 1000, \"maxPrice\": 1000000000000000000000 }\n}", "instrument", "one lot at the highest price is worth 1E+24 quote", 3)]
    [InlineData("{\n  \"initialPrice\": 9223372036854775807\n}", "initialPrice", "must lie between one tick (0.1) and instrument.maxPrice", 2)]
    [InlineData("{\n  \"instrument\": { \"symbol\": \"X\", \"tickSize\": 0.1, \"lotSize\": 9223372036854775807 }\n}", "instrument", "too large for 64-bit cash", 2)]
    [InlineData("{ \"durationSeconds\": 10, ", "", "not valid JSON", 1)]
    public void A_bad_field_is_reported_with_the_file_line_field_path_and_problem(string json, string path, string problem, long line)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "bad.json"));
        Assert.Equal("bad.json", e.File);
        Assert.Equal(path, e.Path);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"bad.json:{line}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_0_0001_tick_under_a_10M_cap_is_accepted_as_10_to_the_11_ticks()
    {
        // Refused before issue 12 §2 (the book held at most 2^31 ticks, about 214,748 quote at this tick).
        var scenario = ScenarioLoader.Parse("""
            { "initialPrice": 50000, "instrument": { "tickSize": 0.0001, "lotSize": 0.001, "maxPrice": 10000000 }, "agents": [ { "kind": "noise" } ] }
            """, "fine.json");
        Assert.Equal((1L, 100_000_000_000L), (scenario.Instrument.MinPrice.Ticks, scenario.Instrument.MaxPrice.Ticks));
        Assert.Equal(500_000_000L, scenario.InitialPriceTicks);
    }

    [Fact]
    public void A_missing_file_is_a_scenario_error_naming_the_file()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("/no/such/scenario.json"));
        Assert.Equal("/no/such/scenario.json", e.File);
        Assert.Contains("cannot read the file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_design_override_uses_the_scenario_s_options_for_its_own_design_and_defaults_otherwise()
    {
        var scenario = ScenarioLoader.Parse("""
            { "liquidation": { "design": "time-sliced", "options": { "sliceFraction": 0.5 } },
              "comparison": { "designs": [ { "design": "full-close", "options": { "clearanceFeeRate": 0.01 } } ] },
              "agents": [ { "kind": "noise" } ] }
            """, "x.json");
        Assert.Equal(0.5m, Assert.IsType<TimeSlicedOptions>(scenario.ResolveDesign("time-sliced")).SliceFraction);
        Assert.Equal(0.01m, Assert.IsType<FullCloseOptions>(scenario.ResolveDesign("full-close")).ClearanceFeeRate);
        Assert.IsType<AdlOptions>(scenario.ResolveDesign("adl"));
        var e = Assert.Throws<ScenarioException>(() => scenario.ResolveDesign("nope"));
        Assert.Equal("design", e.Path);
    }
}
