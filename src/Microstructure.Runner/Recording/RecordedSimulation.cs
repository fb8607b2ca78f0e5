using Microstructure.Analysis.Recording;
using Microstructure.Risk.Monitoring;
using Microstructure.Simulation.Kernel;
using Microstructure.Simulation.Running;

namespace Microstructure.Runner.Recording;

/// <summary>
/// Runs one simulation and records it into a run directory (tape, analysis, plots, summary.json, report.md): what
/// <c>micro simulate</c> does, and what <c>micro compare</c> does per design and seed.
/// </summary>
public static class RecordedSimulation
{
    /// <summary>Executes <paramref name="run"/> with a recorder writing to <paramref name="directory"/>.</summary>
    /// <param name="run">A run not yet executed.</param>
    /// <param name="directory">The run directory (must not exist or be empty).</param>
    /// <param name="options">Recorder options; null = defaults.</param>
    /// <param name="progress">Called about every 1% of simulated time.</param>
    /// <param name="cancellationToken">
    /// Stops the run between kernel items, or its analysis between steps: the tapes are closed (what was written stays
    /// readable) and summary.json is marked <c>"status": "cancelled"</c> (docs/outputs.md §6).
    /// </param>
    /// <returns>The run's headline numbers (also in summary.json).</returns>
    /// <exception cref="RunOutputException">The directory is not empty or cannot be written (the path is named).</exception>
    /// <exception cref="OperationCanceledException">Cancelled (summary.json says so).</exception>
    public static RunSummary Execute(
        SimulationRun run,
        string directory,
        RecorderOptions? options = null,
        Action<RunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        // The market-wide risk monitor reads the exchange after commands (tape/risk_monitor, plots/liquidation-map.png).
        var monitor = new RiskMonitor();
        run.Exchange.AttachMonitor(monitor);
        using var recorder = RunRecorder.Create(directory, RecordedRunInfoFactory.Create(run.Info, run.Exchange) with { RiskMonitor = monitor }, options);
        try
        {
            run.Execute(recorder, progress, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            recorder.CloseCancelled();
            throw;
        }

        return recorder.Complete(cancellationToken);
    }
}
