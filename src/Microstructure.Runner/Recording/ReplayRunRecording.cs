using Microstructure.Analysis.Recording;
using Microstructure.Replay.Population;
using Microstructure.Risk.Monitoring;
using Microstructure.Replay.Processing;

namespace Microstructure.Runner.Recording;

/// <summary>
/// Records a replay that runs through the risk layer (a leveraged population) into the same run directory that
/// <c>micro simulate</c> writes: tapes, per-liquidation and per-cascade metrics, impact, plots, summary.json and
/// report.md (docs/outputs.md). The replay hands it the exchange (<see cref="OnStart"/>) and then every exchange event,
/// as the simulation kernel hands them to the <see cref="RunRecorder"/>; call <see cref="Complete"/> after the replay.
/// </summary>
/// <remarks>
/// A replay learns its time span only as it goes, so the recorder starts at the first exchange event and the run ends
/// at the last one (<see cref="RecordedRunInfo.EndIsLastEvent"/>). Disposing without completing (bad input stopped the
/// replay) closes the tapes so that what was written stays readable.
/// </remarks>
/// <param name="directory">The run directory to create (must not exist or be empty).</param>
/// <param name="name">The run's name in the report (e.g. the replayed file).</param>
/// <param name="options">Recorder options; null = defaults.</param>
internal sealed class ReplayRunRecording(string directory, string name, RecorderOptions? options = null) : IPopulationObserver, IDisposable
{
    private PopulationSetup? _setup;
    private readonly RiskMonitor _monitor = new();
    private RunRecorder? _recorder;

    /// <summary>The run directory (as given).</summary>
    public string Directory => directory;

    /// <inheritdoc />
    public void OnStart(PopulationSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _setup = setup;
        setup.Exchange.AttachMonitor(_monitor);
    }

    /// <inheritdoc />
    public void OnEvent(in ExchangeEvent e)
    {
        _recorder ??= Start(e.Engine.Timestamp.Nanoseconds);
        _recorder.OnEvent(in e);
    }

    /// <summary>Whether the first exchange event arrived, so the run directory exists.</summary>
    public bool Started => _recorder is not null;

    /// <summary>
    /// Writes the analysis, plots, summary.json and report.md; null when the replay emitted no exchange event (nothing
    /// was recorded and no directory was created). Stops between steps once <paramref name="cancellationToken"/> is
    /// cancelled (run/summary.json then says so).
    /// </summary>
    /// <exception cref="RunOutputException">A file could not be written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (run/summary.json says so).</exception>
    public RunSummary? Complete(CancellationToken cancellationToken) => _recorder?.Complete(cancellationToken);

    /// <summary>Closes the tapes of a replay that was cancelled and marks run/summary.json cancelled (nothing when nothing was recorded).</summary>
    /// <exception cref="RunOutputException">A file could not be written.</exception>
    public void CloseCancelled() => _recorder?.CloseCancelled();

    /// <inheritdoc />
    public void Dispose() => _recorder?.Dispose();

    private RunRecorder Start(long firstNs)
    {
        var setup = _setup ?? throw new InvalidOperationException("The replay must hand over its exchange (OnStart) before the first event.");
        var exchange = setup.Exchange;
        var labels = new Dictionary<long, string>
        {
            [ReplayAccounts.Historical] = "historical",
            [ReplayAccounts.Injected] = "injected",
            [exchange.InsuranceFundAccountId] = "insurance-fund",
            [exchange.VaultAccountId] = "vault",
            [exchange.KeeperAccountId] = "keeper",
            [exchange.PoolLiquidatorAccountId] = "pool-liquidator",
        };
        foreach (PopulationAccount account in setup.Accounts)
        {
            labels[account.AccountId] = account.Side == Side.Buy ? "population-long" : "population-short";
        }

        var info = RecordedRunInfo.FromExchange(exchange, name, setup.Seed, setup.Design, firstNs, firstNs + 1) with
        {
            EndIsLastEvent = true,
            AccountLabels = labels,
            RiskMonitor = _monitor,
        };
        return RunRecorder.Create(directory, info, options);
    }
}
