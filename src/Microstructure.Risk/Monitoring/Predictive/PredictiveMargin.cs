using Microstructure.Risk.Margin;
using Microstructure.Risk.Warning;

namespace Microstructure.Risk.Monitoring.Predictive;

/// <summary>
/// The <c>predictive-margin</c> mitigation at work (see <see cref="PredictiveMarginOptions"/>): its own risk monitor,
/// computed inline at the monitor's default interval (the cadence the model was trained at), feeds the live
/// <see cref="CascadeFeed"/>; the model's probability moves a <see cref="MarginSwitch"/> (hysteresis, cool-down); a
/// change waits for the exchange's clock to move (<see cref="TakeChange"/>) so it lands between commands, like dynamic margin.
/// Deterministic: integer state, and the model's arithmetic on the same vector gives the same probability.
/// </summary>
internal sealed class PredictiveMargin
{
    private readonly CascadeEnsemble _model;
    private readonly CascadeFeed _feed;
    private readonly RiskMonitor _monitor = new(RiskMonitorOptions.Default with { OffThreadFrom = int.MaxValue });
    private readonly double[] _features = new double[CascadeFeatures.Count];
    private readonly MarginSwitch _switch;
    private readonly long _factor;

    public PredictiveMargin(PredictiveMarginOptions options, CascadeEnsemble model, long cashPerTickLot)
    {
        _model = model;
        _feed = new CascadeFeed(cashPerTickLot);
        _factor = FixedPoint.ToRate(options.MarginFactor);
        _switch = new MarginSwitch((float)options.RaiseAt, (float)options.LowerAt, (long)decimal.Round(options.CoolDownSeconds * 1_000_000_000m, MidpointRounding.AwayFromZero));
    }

    /// <summary>The reader the exchange's event stage feeds.</summary>
    public CascadeFeed Feed => _feed;

    /// <summary>The monitor to bind to the exchange's parts.</summary>
    public RiskMonitor Monitor => _monitor;

    /// <summary>True while margins are raised (after the change has been taken).</summary>
    public bool Raised => _switch.Raised;

    /// <summary>Snapshots scored so far.</summary>
    public long Scored { get; private set; }

    /// <summary>Times margins were raised.</summary>
    public long Raises => _switch.Raises;

    /// <summary>The multiplier on initial and maintenance margin now, rate units.</summary>
    public long Factor => Raised ? _factor : FixedPoint.RateScale;

    /// <summary>Sees every scored vector (tests compare it with the features built from the run's tapes); null = nobody.</summary>
    internal Action<RiskSnapshot, double[], float>? Observer { get; set; }

    /// <summary>After each command: at a monitor boundary, scores the market and decides.</summary>
    public void AfterCommand(long sequence)
    {
        if (!_monitor.TryCaptureDue(sequence, out RiskSnapshot snapshot))
        {
            return;
        }

        _feed.Snapshot(snapshot, _features);
        float p = _model.Probability(_features);
        Scored++;
        Observer?.Invoke(snapshot, _features, p);
        _switch.Observe(snapshot.TimeNs, p);
    }

    /// <summary>When the clock moves: true if margins change now (<see cref="Factor"/> is the new multiplier).</summary>
    public bool TakeChange() => _switch.TakeChange();
}
