using Microstructure.Analysis.Series;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// The insurance fund's equity (cash + position × mark × k, cash units) and position (lots) over the run, for
/// fund.png: a point whenever its cash or position changes, and whenever the mark moves while it holds a position (so
/// a position held for minutes is marked to market). 32 bytes per point.
/// </summary>
internal sealed class FundTracker(long cashPerTickLot)
{
    private readonly long _k = cashPerTickLot;
    private readonly GrowableSeries _equity = new();
    private readonly GrowableSeries _lots = new();
    private long _cash;
    private long _position;
    private long _mark;
    private bool _seen;
    private long _peak = long.MinValue;

    /// <summary>The largest fall of the fund's equity from its running peak so far (cash units, ≥ 0).</summary>
    public long MaxDrawdown { get; private set; }

    /// <summary>Observes the fund's state after an event.</summary>
    public void Observe(long timeNs, long cash, long lots, long mark)
    {
        if (_seen && cash == _cash && lots == _position && (lots == 0 || mark == _mark))
        {
            return;
        }

        _seen = true;
        _cash = cash;
        _position = lots;
        _mark = mark;
        long equity = cash + (lots * mark * _k);
        _peak = Math.Max(_peak, equity);
        MaxDrawdown = Math.Max(MaxDrawdown, _peak - equity);
        _equity.Add(timeNs, equity);
        _lots.Add(timeNs, lots);
    }

    /// <summary>Equity (cash units) as a step series until <paramref name="endNs"/>.</summary>
    public StepSeries Equity(long endNs) => _equity.ToStepSeries(endNs);

    /// <summary>Position (lots, signed) as a step series until <paramref name="endNs"/>.</summary>
    public StepSeries Position(long endNs) => _lots.ToStepSeries(endNs);
}
