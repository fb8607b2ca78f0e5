using Microstructure.Runner.Comparison;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Runner.Tests.Comparison;

public sealed class DesignComparisonTests
{
    [Fact]
    public void Seeds_come_from_the_scenario_list_then_continue_consecutively()
    {
        var scenario = ScenarioLoader.Parse("""{ "seeds": [7, 3, 9], "agents": [ { "kind": "noise", "count": 1 } ] }""", "s.json");

        Assert.Equal([7L, 3L], DesignComparison.SeedsFor(scenario, 2));
        Assert.Equal([7L, 3L, 9L, 10L, 11L], DesignComparison.SeedsFor(scenario, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DesignComparison.SeedsFor(scenario, 0));
    }
}
