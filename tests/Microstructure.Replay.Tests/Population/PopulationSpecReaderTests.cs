using System.Text;
using Microstructure.Replay.Io;
using Microstructure.Replay.Population;
using Microstructure.Replay.Tests.TestSupport;
using Microstructure.Risk.Accounts;
using Microstructure.Risk.Liquidation;

namespace Microstructure.Replay.Tests.Population;

public sealed class PopulationSpecReaderTests
{
    private static readonly SourceUnits Lobster = new(TimeFormat.Seconds, DecimalUnit.From(1m), DecimalUnit.From(1m));

    private static readonly SourceUnits Btc = new(TimeFormat.Microseconds, DecimalUnit.From(0.1m), DecimalUnit.From(0.001m));

    private const string Full = """
        {
          "accounts": 50, "seed": 9, "longFraction": 0.6,
          "leverage": {"values": [10, 20, 50], "weights": [1, 2, 1]},
          "size": {"min": 0.01, "max": "0.25"},
          "entry": {"time": 1704067202000000},
          "marginMode": "isolated", "mark": "median-of-three",
          "liquidation": {"design": "time-sliced", "options": {"sliceFraction": 0.25, "cooldownSeconds": 10}},
          "takerFeeRate": 0.0005, "makerFeeRate": 0,
          "brackets": [{"notionalCap": 50000, "maxLeverage": 100, "maintenanceRate": 0.005}, {"notionalCap": 1000000, "maxLeverage": 20, "maintenanceRate": 0.02}]
        }
        """;

    private static PopulationSpec Parse(string json, SourceUnits? units = null, string? design = null) =>
        PopulationSpecReader.Parse(Encoding.UTF8.GetBytes(json), "pop.json", units ?? Btc, design);

    private static string Error(string json, SourceUnits? units = null) =>
        Assert.Throws<ReplayInputException>(() => Parse(json, units)).Message;

    [Fact]
    public void Every_field_is_read_and_converted_to_the_source_s_integer_units()
    {
        var spec = Parse(Full);

        Assert.Equal(50, spec.Accounts);
        Assert.Equal(9, spec.Seed);
        Assert.Equal(0.6m, spec.LongFraction);
        Assert.Equal([10, 20, 50], spec.Leverage.Values);
        Assert.Equal([1, 2, 1], spec.Leverage.Weights);
        Assert.Equal(10, spec.MinLots);
        Assert.Equal(250, spec.MaxLots);
        Assert.Equal(1_704_067_202_000_000_000, spec.Entry.TimeNs);
        Assert.Null(spec.Entry.PriceTicks);
        Assert.Equal(MarginMode.Isolated, spec.MarginMode);
        Assert.Equal(MarkSource.MedianOfThree, spec.Mark);
        var design = Assert.IsType<TimeSlicedOptions>(spec.Liquidation);
        Assert.Equal(0.25m, design.SliceFraction);
        Assert.Equal(0.0005m, spec.TakerFeeRate);
        Assert.Equal(0m, spec.MakerFeeRate);
        Assert.Equal(2, spec.Brackets.Count);
        Assert.Equal(100, spec.Brackets[0].MaxLeverage);
    }

    [Fact]
    public void Omitted_fields_take_the_documented_defaults_and_lobster_units_are_shares_dollars_times_10000_and_seconds()
    {
        var spec = Parse("""{"accounts": 3, "leverage": {"min": 5, "max": 10}, "size": {"min": 100, "max": 200}, "entry": {"price": 5856000}}""", Lobster);

        Assert.Equal(1, spec.Seed);
        Assert.Equal(1m, spec.LongFraction);
        Assert.Equal(5, spec.Leverage.Min);
        Assert.Equal(10, spec.Leverage.Max);
        Assert.Equal(5_856_000, spec.Entry.PriceTicks);
        Assert.Equal(MarginMode.Cross, spec.MarginMode);
        Assert.Equal(MarkSource.Mid, spec.Mark);
        Assert.Equal(LiquidationPolicies.InsuranceFund, spec.Liquidation.Name);
        Assert.Equal(0.0004m, spec.TakerFeeRate);
        Assert.Equal(0.0002m, spec.MakerFeeRate);
        Assert.Equal(10, spec.Brackets.Count);
        Assert.Equal(34_210_500_000_000, Parse("""{"accounts": 1, "leverage": {"min": 1, "max": 1}, "size": {"min": 1, "max": 1}, "entry": {"time": "34210.5"}}""", Lobster).Entry.TimeNs);
    }

    [Theory]
    [InlineData("""{"accounts": 0}""", "pop.json: accounts: must be in [1, 1000000]; got 0")]
    [InlineData("""{"accounts": 2, "leverage": {"min": 0, "max": 5}, "size": {"min": 1, "max": 2}}""", "pop.json: leverage.min: must be in [1, 1000]; got 0")]
    [InlineData("""{"accounts": 2, "leverage": {"min": 9, "max": 5}, "size": {"min": 1, "max": 2}}""", "pop.json: leverage.max: must be at least leverage.min")]
    [InlineData("""{"accounts": 2, "leverage": {"values": [5, 10], "weights": [1]}, "size": {"min": 1, "max": 2}}""", "pop.json: leverage.weights: needs one weight per value (2); got 1")]
    [InlineData("""{"accounts": 2, "leverage": {"min": 1, "max": 5}, "size": {"min": 0.0005, "max": 1}}""", "pop.json: size.min: 0.0005 is not a multiple of 0.001 (the source's unit)")]
    [InlineData("""{"accounts": 2, "leverage": {"min": 1, "max": 5}, "size": {"min": 1, "max": 2}, "entry": {"time": 1, "price": 2}}""", "pop.json: entry: give exactly one of time and price")]
    [InlineData("""{"accounts": 2, "leverage": {"min": 1, "max": 5}, "size": {"min": 1, "max": 2}, "entry": {"price": 42600.05}}""", "pop.json: entry.price: 42600.05 is not a multiple of 0.1 (the source's unit)")]
    [InlineData("""{"accounts": 2, "levrage": 5}""", "pop.json: levrage: unknown field (expected one of:")]
    [InlineData("""{"accounts": 2, "leverage": {"min": 1, "max": 5}, "size": {"min": 1, "max": 2}, "entry": {"time": 1}, "mark": "index"}""", "pop.json: mark: 'index' is not one of mid, last-trade, ticker-mark, median-of-three")]
    [InlineData("""{"accounts": 2, "leverage": {"min": 1, "max": 5}, "size": {"min": 1, "max": 2}, "entry": {"time": 1}, "liquidation": {"design": "time-sliced", "options": {"sliceFraction": 1.5}}}""", "pop.json: liquidation.options.sliceFraction: must be in (0, 1]")]
    [InlineData("""{"accounts": 2, "leverage": {"min": 1, "max": 5}, "size": {"min": 1, "max": 2}, "entry": {"time": 1}, "liquidation": {"design": "full-close", "options": {"bogus": 1}}}""", "pop.json: liquidation.options.bogus")]
    [InlineData("""{"accounts": 2, "leverage": {"min": 1, "max": 5}, "size": {"min": 1, "max": 2}, "entry": {"time": 1}, "liquidation": {"design": "fire-sale"}}""", "pop.json: liquidation.design: unknown liquidation design 'fire-sale'")]
    [InlineData("""{"accounts": 2, "leverage": {"min": 1, "max": 5}, "size": {"min": 1, "max": 2}, "entry": {"time": 1}, "brackets": [{"notionalCap": 100, "maxLeverage": 10, "maintenanceRate": 0.01}, {"notionalCap": 50, "maxLeverage": 5, "maintenanceRate": 0.02}]}""", "pop.json: brackets[1].notionalCap: must be above the previous bracket's cap")]
    [InlineData("""{"accounts": "ten"}""", "pop.json: accounts: must be an integer; got 'ten'")]
    [InlineData("""{"accounts": 2, "leverage": {"min": 1, "max": 5}, "size": {"min": 1, "max": 2}}""", "pop.json: entry: is required")]
    public void A_bad_field_is_an_error_naming_the_file_and_the_field_path(string json, string expected)
    {
        Assert.StartsWith(expected, Error(json), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"accounts": 2, "accounts": 3, "leverage": {"min": 1, "max": 2}, "size": {"min": 1, "max": 2}, "entry": {}}""", "pop.json: accounts: is given twice")]
    [InlineData("""{"accounts": 2, "leverage": {"min": 1, "max": 2, "min": 5}, "size": {"min": 1, "max": 2}, "entry": {}}""", "pop.json: leverage.min: is given twice")]
    [InlineData("""{"accounts": 2, "leverage": {"min": 1, "max": 2}, "size": {"min": 1, "max": 2}, "entry": {}, "brackets": [{"notionalCap": 1, "notionalCap": 2}]}""", "pop.json: brackets[0].notionalCap: is given twice")]
    public void A_field_given_twice_is_an_error_naming_it(string json, string expected) =>
        Assert.Equal(expected, Error(json));

    [Fact]
    public void A_second_JSON_document_after_the_spec_is_an_error_with_its_line_and_comments_after_it_are_fine()
    {
        const string Spec = """{"accounts": 2, "leverage": {"min": 1, "max": 2}, "size": {"min": 1, "max": 2}, "entry": {"time": 1704067202000000}}""";

        Assert.Equal("pop.json:3: unexpected content after the population spec's JSON object (a file holds exactly one)", Error(Spec + "\n\n{\"accounts\": 9}\n"));
        Assert.Equal(2, Parse(Spec + "\n// the end\n").Accounts);
    }

    [Fact]
    public void Invalid_json_is_reported_with_its_line()
    {
        var error = Assert.Throws<ReplayInputException>(() => Parse("{\n  \"accounts\": 2,\n  \"seed\": ,\n}"));

        Assert.Equal(3, error.Line);
        Assert.StartsWith("pop.json:3: not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_design_override_replaces_the_file_s_design_and_drops_options_meant_for_another_design()
    {
        var overridden = Parse(Full, design: LiquidationPolicies.FullClose);
        var same = Parse(Full, design: LiquidationPolicies.TimeSliced);

        Assert.IsType<FullCloseOptions>(overridden.Liquidation);
        Assert.Equal(0.25m, Assert.IsType<TimeSlicedOptions>(same.Liquidation).SliceFraction);
        Assert.StartsWith("pop.json: liquidation.design: unknown liquidation design 'nope'",
            Assert.Throws<ReplayInputException>(() => Parse(Full, design: "nope")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "missing.json");

        Assert.Equal($"{path}: file not found", Assert.Throws<ReplayInputException>(() => PopulationSpecReader.Read(path, Btc)).Message);
    }
}
