using Microstructure.Engine.Matching;
using Microstructure.Risk.Warning;

namespace Microstructure.Risk.Monitoring.Predictive;

/// <summary>
/// Feeds <see cref="CascadeFeatures"/> live, inside the exchange, from the events it stages — exactly what
/// <c>micro predict dataset</c> feeds it from the same run's tapes: every trade (its liquidation fill notional when it
/// belongs to a liquidation), top-of-book change, L2 snapshot (lots within the recorder's ±1% band around the
/// <see cref="ReferenceMid"/>), liquidation trigger and, at a risk-monitor snapshot, the snapshot's liquidation map. So a
/// model trained on tapes scores the same vectors live (a test runs both on one run and compares them).
/// </summary>
internal sealed class CascadeFeed : IStagedEventReader
{
    /// <summary>The recorder's default depth band (RecorderOptions.DepthBandFraction), which the tape features were computed with.</summary>
    public const double DepthBandFraction = 0.01;

    private readonly CascadeFeatures _features = new();
    private readonly ReferenceMid _mid = new();
    private readonly long _k;
    private readonly List<L2Level> _bids = [];
    private readonly List<L2Level> _asks = [];
    private bool _depthPending;
    private long _depthSequence;
    private long _depthTime;
    private long _depthMid;
    private long _now = long.MinValue;

    public CascadeFeed(long cashPerTickLot) => _k = cashPerTickLot;

    /// <inheritdoc />
    public void OnEvent(in ExchangeEvent e)
    {
        if (_depthPending && (e.Type != ExchangeEventType.L2Level || e.Engine.CommandSequence != _depthSequence))
        {
            FinishDepth();
        }

        // One monotone clock, as the recorder's: a command stamped before the previous one does not go back in time.
        long time = _now = Math.Max(_now, e.Engine.Timestamp.Nanoseconds);
        switch (e.Type)
        {
            case ExchangeEventType.Trade:
                long price = e.Engine.Price.Ticks, lots = e.Engine.Quantity.Lots;
                _features.OnTrade(time, price, lots, e.Engine.Side == Side.Buy, e.LiquidationId != 0 ? lots * price * _k : 0);
                _mid.OnTrade(price);
                break;
            case ExchangeEventType.TopOfBook:
                _features.OnTopOfBook(time, e.Engine.BidPrice.Ticks, e.Engine.BidQuantity.Lots, e.Engine.AskPrice.Ticks, e.Engine.AskQuantity.Lots);
                _mid.OnTopOfBook(e.Engine.BidPrice.Ticks, e.Engine.AskPrice.Ticks);
                break;
            case ExchangeEventType.L2Level:
                if (!_depthPending)
                {
                    (_depthPending, _depthSequence, _depthTime, _depthMid) = (true, e.Engine.CommandSequence, time, _mid.Value);
                    _bids.Clear();
                    _asks.Clear();
                }

                (e.Engine.Side == Side.Buy ? _bids : _asks).Add(new L2Level(e.Engine.Price, e.Engine.Quantity, e.Engine.OrderCount));
                break;
            case ExchangeEventType.LiquidationTriggered or ExchangeEventType.PoolLiquidation:
                _features.OnLiquidation(time);
                break;
        }
    }

    /// <summary>The features at <paramref name="snapshot"/>, taken after its command: what was fed so far, then its map cells.</summary>
    public void Snapshot(RiskSnapshot snapshot, Span<double> features)
    {
        if (_depthPending)
        {
            FinishDepth();
        }

        int perSide = snapshot.BucketsPerSide;
        for (int b = 0; b < snapshot.LongBuckets.Length; b++)
        {
            if (snapshot.LongBuckets[b] != 0 || snapshot.ShortBuckets[b] != 0)
            {
                _features.OnMapCell(snapshot.TimeNs, snapshot.Mark, b - perSide, snapshot.BucketLow(b), snapshot.BucketLow(b + 1), snapshot.LongBuckets[b], snapshot.ShortBuckets[b]);
            }
        }

        _features.Snapshot(RowOf(snapshot), features);
    }

    /// <summary>The row the tape holds for <paramref name="s"/> (what the features read, without the tape).</summary>
    private static MonitorRow RowOf(RiskSnapshot s) => new(
        s.TimeNs, s.Sequence, s.Mark, s.OpenInterestNotional, s.LongShortRatio, s.UnderwaterAccounts,
        s.LeverageP50, s.LeverageP90, s.LeverageP99, s.MarginRatioP50, s.MarginRatioP90, s.MarginRatioP99,
        s.Top10Share, s.Herfindahl, s.FundEquity, s.Within1Pct, s.Within2Pct, s.Within5Pct,
        s.Coverage1Pct, s.Coverage2Pct, s.Coverage5Pct);

    /// <summary>Closes an L2 snapshot as the recorder does (<see cref="DepthBand"/>).</summary>
    private void FinishDepth()
    {
        _depthPending = false;
        long reference = DepthBand.Reference(_depthMid, _bids, _asks);
        double halfWidth = DepthBand.HalfWidth(DepthBandFraction, reference);
        _features.OnDepth(_depthTime, DepthBand.Lots(_bids, reference, halfWidth), DepthBand.Lots(_asks, reference, halfWidth));
    }
}
