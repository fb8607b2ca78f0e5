using Microstructure.Simulation.Running;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Simulation.Tests.TestSupport;

/// <summary>One run of a shipped scenario (optionally cut short, with a design override) and its liquidations.</summary>
internal sealed class ShippedRun
{
    public ShippedRun(string file, double durationSeconds, string? design = null, long? seed = null)
    {
        Scenario = TestScenarios.LoadShipped(file);
        using var run = new SimulationRun(Scenario, new RunOptions { DurationSeconds = durationSeconds, Design = design, Seed = seed });
        Result = run.Execute(Observer);
    }

    public Scenario Scenario { get; }

    public LiquidationObserver Observer { get; } = new();

    public RunResult Result { get; }

    /// <summary>The first shock's time (ns).</summary>
    public long ShockNs => Scenario.Nanos(Scenario.Definition.Shocks.Min(s => s.AtSeconds));

    /// <summary>The last mid before the shock.</summary>
    public double MidBeforeShock => Observer.Mids.Last(m => m.TimeNs < ShockNs).Mid;

    /// <summary>The lowest mid from the shock on.</summary>
    public double TroughAfterShock => Observer.Mids.Where(m => m.TimeNs >= ShockNs).Min(m => m.Mid);

    /// <summary>The last mid of the run.</summary>
    public double FinalMid => Observer.Mids[^1].Mid;
}
