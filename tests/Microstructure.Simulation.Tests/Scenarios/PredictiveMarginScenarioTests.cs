using Microstructure.Simulation.Kernel;
using Microstructure.Simulation.Running;
using Microstructure.Simulation.Scenarios;
using Microstructure.Simulation.Tests.TestSupport;

namespace Microstructure.Simulation.Tests.Scenarios;

/// <summary>data/scenarios/predictive-margin.json: the shipped early-warning model drives margins, deterministically.</summary>
public sealed class PredictiveMarginScenarioTests
{
    private const string File = "predictive-margin.json";

    [Fact]
    public void Margins_raised_by_the_model_give_the_same_events_in_both_kernels_and_on_every_run()
    {
        // Seed 104: the model raises margins at 77 s, while the crowd is still opening — the run covers it.
        var scenario = TestScenarios.LoadShipped(File);
        string Hash(KernelMode mode, out long raises)
        {
            using var run = new SimulationRun(scenario, new RunOptions { Mode = mode, Seed = 104, Design = "predictive-margin", DurationSeconds = 100 });
            string hash = JournalHash.Of(run);
            raises = run.Exchange.PredictiveMarginRaises;
            return hash;
        }

        string direct = Hash(KernelMode.Direct, out long raised);
        Assert.True(raised > 0, "margins were raised within the run");
        Assert.Equal(direct, Hash(KernelMode.Pipelined, out _));
        Assert.Equal(direct, Hash(KernelMode.Direct, out _));
    }

    [Fact]
    public void The_model_path_is_relative_to_the_scenario_file_also_with_set_overrides()
    {
        var scenario = ScenarioOverrides.Load(TestScenarios.Shipped(File), [new("comparison.designs[3].mitigations[0].options.raiseAt", "0.3")]);
        var predictive = Assert.IsType<Microstructure.Risk.Margin.PredictiveMarginOptions>(Assert.Single(scenario.ResolveMitigations("predictive-margin")));
        Assert.Equal(0.3m, predictive.RaiseAt);
        Assert.Empty(scenario.ResolveMitigations("no-mitigation"));
        Assert.Empty(scenario.Mitigations);
    }

    [Fact]
    public void A_missing_model_is_an_error_naming_the_field_and_the_file()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioOverrides.Load(
            TestScenarios.Shipped(File), [new("comparison.designs[3].mitigations[0].options.model", "no-such.ensemble.json")]));
        Assert.Equal("comparison.designs[3].mitigations[0].options.model", error.Path);
        Assert.Contains("no-such.ensemble.json", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Own_mitigations_need_a_label()
    {
        const string Json = """
            { "instrument": { "symbol": "X", "tickSize": 0.1, "lotSize": 0.001 }, "initialPrice": 100, "durationSeconds": 10,
              "comparison": { "designs": [ { "design": "full-close", "mitigations": [ { "name": "price-band" } ] } ] }, "agents": [] }
            """;
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Json, "inline"));
        Assert.Equal("comparison.designs[0].label", error.Path);
    }
}
