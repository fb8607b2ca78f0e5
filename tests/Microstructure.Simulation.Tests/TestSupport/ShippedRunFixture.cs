namespace Microstructure.Simulation.Tests.TestSupport;

/// <summary>Runs a shipped scenario once for every test of a class (a run takes about a second).</summary>
public abstract class ShippedRunFixture
{
    private readonly Lazy<ShippedRun> _run;

    protected ShippedRunFixture(string file, double durationSeconds) =>
        _run = new Lazy<ShippedRun>(() => new ShippedRun(file, durationSeconds));

    internal ShippedRun Run => _run.Value;
}
