using System.Text;
using Microstructure.Simulation.Scenarios;
using Microstructure.Simulation.Tests.TestSupport;

namespace Microstructure.Simulation.Tests.Scenarios;

public sealed class ScenarioOverridesTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ms-overrides-{Guid.NewGuid():N}.json");

    public ScenarioOverridesTests() => File.WriteAllText(_file, TestScenarios.SmallJson);

    public void Dispose() => File.Delete(_file);

    private Scenario Load(params (string Path, string Value)[] overrides) =>
        ScenarioOverrides.Load(_file, [.. overrides.Select(o => new KeyValuePair<string, string>(o.Path, o.Value))]);

    /// <summary>Issue 14: a silo receives the content, not the path, and must accept and refuse exactly what the CLI does.</summary>
    [Theory]
    [InlineData("agents[0].count", "7", null)]
    [InlineData("agents[0].count", "-1", "with --set agents[0].count=-1: agents[0].count: must be in [0, 1000000]; got -1")]
    [InlineData("agents[9].count", "1", "agents[9].count: 'agents' has")]
    public void Parsing_the_content_validates_as_loading_the_file(string path, string value, string? error)
    {
        KeyValuePair<string, string>[] point = [new(path, value)];
        Exception? fromFile = Record.Exception(() => ScenarioOverrides.Load(_file, point));
        Exception? fromContent = Record.Exception(() => ScenarioOverrides.Parse(File.ReadAllBytes(_file), _file, point));

        Assert.Equal(fromFile?.Message, fromContent?.Message);
        if (error is null)
        {
            Assert.Null(fromContent);
            Assert.Equal(ScenarioOverrides.Load(_file, point).AgentCount, ScenarioOverrides.Parse(File.ReadAllBytes(_file), _file, point).AgentCount);
        }
        else
        {
            Assert.Contains(error, Assert.IsType<ScenarioException>(fromContent).Message, StringComparison.Ordinal);
        }

        Assert.Throws<ScenarioException>(() => ScenarioOverrides.Parse(Encoding.UTF8.GetBytes("{ \"name\": "), "x.json", point));
    }

    [Fact]
    public void A_nested_field_and_a_list_entry_take_the_new_values_and_nothing_else_changes()
    {
        var plain = Load();
        var changed = Load(("agents[0].count", "7"), ("shocks[0].quantity", "1234"), ("durationSeconds", "32.5"));

        Assert.Equal(plain.AgentCount - 60 + 7, changed.AgentCount);
        Assert.Equal(1234, Assert.IsType<MarketOrderShock>(changed.Definition.Shocks[0]).Quantity);
        Assert.Equal(32.5, changed.Definition.DurationSeconds);
        Assert.Equal(plain.Definition.Agents[1], changed.Definition.Agents[1]);
    }

    [Fact]
    public void A_bare_word_is_a_string_and_a_block_the_file_leaves_out_is_created()
    {
        var changed = Load(("liquidation.design", "tiered-partial"), ("comparison.designs", "[{\"design\":\"full-close\"},{\"design\":\"insurance-fund\"}]"));

        Assert.Equal("tiered-partial", changed.Design.Name);
        Assert.Equal(["full-close", "insurance-fund"], changed.ComparisonDesigns.Select(d => d.Name));
    }

    [Theory]
    [InlineData("agents[99].count", "1", "agents[99].count: 'agents' has 7 entries; index 99 does not exist")]
    [InlineData("name.first", "1", "name.first: 'name' is not an object, so it has no field 'first'")]
    [InlineData("agents.count", "1", "agents.count: 'agents' is not an object, so it has no field 'count'")]
    [InlineData("agents[0]..count", "1", "agents[0]..count: not a field path")]
    [InlineData("agents[0].count", "-3", "with --set agents[0].count=-3: agents[0].count: must be in [0, 1000000]; got -3")]
    [InlineData("agents[0].cuont", "3", "with --set agents[0].cuont=3: agents[0].cuont: unknown field 'cuont'")]
    public void A_path_the_scenario_does_not_have_or_a_value_it_refuses_is_a_scenario_error_naming_the_field(string path, string value, string message)
    {
        var e = Assert.Throws<ScenarioException>(() => Load((path, value)));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(_file, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Applying_no_overrides_keeps_the_scenario_as_loaded_from_the_file()
    {
        string json = ScenarioOverrides.Apply(Encoding.UTF8.GetBytes(TestScenarios.SmallJson), "small.json", []);

        Assert.Equal(ScenarioLoader.Load(_file).Definition.Agents, ScenarioLoader.Parse(json, "x").Definition.Agents);
    }
}
