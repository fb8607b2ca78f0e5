using System.Text.Json;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Tests.Liquidation;

public class LiquidationPoliciesTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Theory]
    [InlineData("full-close", typeof(FullCloseOptions))]
    [InlineData("tiered-partial", typeof(TieredPartialOptions))]
    [InlineData("insurance-fund", typeof(InsuranceFundOptions))]
    [InlineData("adl", typeof(AdlOptions))]
    [InlineData("time-sliced", typeof(TimeSlicedOptions))]
    [InlineData("backstop-vault", typeof(BackstopVaultOptions))]
    [InlineData("dutch-auction", typeof(DutchAuctionOptions))]
    public void Every_design_is_created_by_its_name_with_defaults(string name, Type type)
    {
        var options = LiquidationPolicies.CreateDesign(name);
        Assert.IsType(type, options);
        Assert.Equal(name, options.Name);
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var sliced = (TimeSlicedOptions)LiquidationPolicies.CreateDesign("time-sliced");
        Assert.Equal(100_000m, sliced.SliceThreshold);
        Assert.Equal(0.2m, sliced.SliceFraction);
        Assert.Equal(30m, sliced.CooldownSeconds);
        var auction = (DutchAuctionOptions)LiquidationPolicies.CreateDesign("dutch-auction");
        Assert.Equal((1m, 10m, 0.99m, 900m, 0.4m, 0.13m, 25_000_000m), (auction.StartBuffer, auction.StepSeconds, auction.StepFactor, auction.TailSeconds, auction.Cusp, auction.Penalty, auction.Hole));
        Assert.Equal(0.6666666667m, ((BackstopVaultOptions)LiquidationPolicies.CreateDesign("backstop-vault")).BackstopFraction);
        var breaker = (CircuitBreakerOptions)LiquidationPolicies.CreateMitigation("circuit-breaker");
        Assert.Equal([0.07m, 0.13m], breaker.SoftLimits);
        Assert.Equal((0.20m, 120m), (breaker.HardLimit, breaker.PauseSeconds));
    }

    [Fact]
    public void Json_fields_override_defaults_and_enums_are_camel_case_strings()
    {
        var adl = (AdlOptions)LiquidationPolicies.CreateDesign("adl", Json("""{ "ranking": "binance" }"""));
        Assert.Equal(AdlRanking.Binance, adl.Ranking);
        var auction = (DutchAuctionOptions)LiquidationPolicies.CreateDesign("dutch-auction", Json("""{ "hole": 1000, "standingBids": [ { "discount": 0.03, "fraction": 1 } ] }"""));
        Assert.Equal(1_000m, auction.Hole);
        Assert.Equal(new StandingBid(0.03m, 1m), Assert.Single(auction.StandingBids));
        var dynamic = (DynamicMarginOptions)LiquidationPolicies.CreateMitigation("dynamic-margin", Json("""{ "maxMultiplier": 1.5 }"""));
        Assert.Equal(1.5m, dynamic.MaxMultiplier);
    }

    [Fact]
    public void Unknown_design_name_lists_the_known_ones()
    {
        var error = Assert.Throws<RiskConfigurationException>(() => LiquidationPolicies.CreateDesign("partial", path: "scenario.liquidation"));
        Assert.Equal("scenario.liquidation.design", error.Path);
        Assert.Contains("tiered-partial", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_value_names_the_field_and_the_range()
    {
        var error = Assert.Throws<RiskConfigurationException>(() => LiquidationPolicies.CreateDesign("time-sliced", Json("""{ "sliceFraction": 1.5 }""")));
        Assert.Equal("liquidation.options.sliceFraction", error.Path);
        Assert.Contains("(0, 1]", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_field_and_wrong_type_name_the_field()
    {
        var unknown = Assert.Throws<RiskConfigurationException>(() => LiquidationPolicies.CreateDesign("adl", Json("""{ "rankng": "binance" }""")));
        Assert.StartsWith("liquidation.options", unknown.Path, StringComparison.Ordinal);
        Assert.Contains("rankng", unknown.Message, StringComparison.Ordinal);
        var wrong = Assert.Throws<RiskConfigurationException>(() => LiquidationPolicies.CreateDesign("full-close", Json("""{ "clearanceFeeRate": "high" }""")));
        Assert.Equal("liquidation.options.clearanceFeeRate", wrong.Path);
        var badEnum = Assert.Throws<RiskConfigurationException>(() => LiquidationPolicies.CreateDesign("adl", Json("""{ "ranking": "okx" }""")));
        Assert.Equal("liquidation.options.ranking", badEnum.Path);
    }

    [Fact]
    public void Nested_list_errors_carry_the_index()
    {
        var error = Assert.Throws<RiskConfigurationException>(() =>
            LiquidationPolicies.CreateDesign("dutch-auction", Json("""{ "standingBids": [ { "discount": 0.05, "fraction": 0.5 }, { "discount": 0.01, "fraction": 1 } ] }""")));
        Assert.Equal("liquidation.options.standingBids[1].discount", error.Path);
    }
}
