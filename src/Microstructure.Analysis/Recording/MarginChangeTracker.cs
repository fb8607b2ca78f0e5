using Microstructure.Risk;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// What a margin mitigation (dynamic or predictive margin) did over a run, and what it cost traders (summary.json
/// <c>margin_changes</c>): changes of the maintenance multiplier, time with margins above normal, liquidations a change
/// set off (trigger cause <c>margin_multiplier</c>), and orders refused for margin while margins were above normal.
/// </summary>
/// <param name="Changes">MarginMultiplier events.</param>
/// <param name="Raises">Changes that raised the maintenance multiplier.</param>
/// <param name="FirstRaiseSeconds">Time of the first raise from the run's start, seconds; NaN when margins never rose.</param>
/// <param name="SecondsRaised">Time with the maintenance multiplier above 1.</param>
/// <param name="Liquidations">Liquidations triggered by a margin change.</param>
/// <param name="RefusedOrders">Orders refused for insufficient margin while the multiplier was above 1.</param>
public sealed record MarginChangeSummary(long Changes, long Raises, double FirstRaiseSeconds, double SecondsRaised, long Liquidations, long RefusedOrders);

/// <summary>Tallies <see cref="MarginChangeSummary"/> from the event stream.</summary>
internal sealed class MarginChangeTracker(long startNs)
{
    private long _firstRaise = -1;
    private long _multiplier = FixedPoint.RateScale;
    private long _raisedSince = -1;
    private long _raisedNs;
    private long _changes;
    private long _raises;
    private long _liquidations;
    private long _refused;

    public void OnEvent(in ExchangeEvent e, long nowNs)
    {
        switch (e.Type)
        {
            case ExchangeEventType.MarginMultiplier:
                _changes++;
                if (e.Rate > _multiplier)
                {
                    _raises++;
                    _firstRaise = _firstRaise < 0 ? nowNs : _firstRaise;
                }

                bool raised = e.Rate > FixedPoint.RateScale;
                if (raised && _raisedSince < 0)
                {
                    _raisedSince = nowNs;
                }
                else if (!raised && _raisedSince >= 0)
                {
                    _raisedNs += nowNs - _raisedSince;
                    _raisedSince = -1;
                }

                _multiplier = e.Rate;
                break;
            case ExchangeEventType.LiquidationTriggered when e.Cause == LiquidationCause.MarginMultiplier:
                _liquidations++;
                break;
            // Orders only (a refused order carries its id; withdrawals and leverage changes refused for margin do not).
            case ExchangeEventType.RiskRejected when e.RiskReason == RiskRejectReason.InsufficientMargin && e.Engine.OrderId.Value != 0 && _raisedSince >= 0:
                _refused++;
                break;
        }
    }

    /// <summary>The totals at the end of the run (<paramref name="endNs"/> closes a raise still open).</summary>
    public MarginChangeSummary Summary(long endNs) =>
        new(_changes, _raises, _firstRaise < 0 ? double.NaN : (_firstRaise - startNs) / 1e9, (_raisedNs + (_raisedSince >= 0 ? Math.Max(0, endNs - _raisedSince) : 0)) / 1e9, _liquidations, _refused);
}
