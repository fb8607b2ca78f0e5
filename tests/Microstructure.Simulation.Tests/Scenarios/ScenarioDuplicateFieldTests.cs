using Microstructure.Simulation.Scenarios;

namespace Microstructure.Simulation.Tests.Scenarios;

/// <summary>Issue 12 §8: a field given twice in a scenario is an error at its line, not "the last one wins".</summary>
public sealed class ScenarioDuplicateFieldTests
{
    [Theory]
    [InlineData("{\n  \"durationSeconds\": 5,\n  \"durationSeconds\": 6\n}", "durationSeconds", 3)]
    [InlineData("{\n  \"exchange\": {\n    \"mark\": { \"method\": \"mid\" },\n    \"mark\": { \"method\": \"medianOfThree\" } }\n}", "exchange.mark", 4)]
    [InlineData("{\n  \"agents\": [ { \"kind\": \"noise\", \"count\": 1, \"count\": 2 } ]\n}", "agents[0].count", 2)]
    public void A_field_given_twice_is_reported_with_its_path_and_line(string json, string path, long line)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "dup.json"));

        Assert.Equal(path, e.Path);
        Assert.Equal("is given twice", e.Problem);
        Assert.Equal(line, e.Line);
    }
}
