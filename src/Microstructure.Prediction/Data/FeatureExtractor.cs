using Microstructure.Risk.Warning;

namespace Microstructure.Prediction.Data;

/// <summary>
/// Feeds a run's tapes to one <see cref="CascadeFeatures"/> in command order and collects the features at every
/// risk-monitor snapshot: before the snapshot taken after command s, every trade, top-of-book change, depth snapshot,
/// liquidation trigger and map cell of commands up to s, merged by command sequence (rows of one command in a fixed
/// stream order — each stream's own order is the event order, and the features depend on nothing else), nothing later.
/// That is exactly what the exchange's live feed has seen when it scores the same snapshot (predictive margin), so a
/// model trained on these vectors sees the same ones live.
/// </summary>
internal static class FeatureExtractor
{
    /// <summary>One feature vector per monitor snapshot, in snapshot order.</summary>
    public static double[][] Extract(RunTapes run)
    {
        var features = new CascadeFeatures();
        var clock = new Clock();
        var result = new double[run.Monitor.Length][];
        var streams = new IStream[]
        {
            new TradeStream(run.Trades), new TopOfBookStream(run.TopOfBook), new DepthStream(run.Depth),
            new TriggerStream(run.Triggers), new MapStream(run.Map),
        };
        for (int i = 0; i < run.Monitor.Length; i++)
        {
            MonitorRow row = run.Monitor[i];
            while (true)
            {
                IStream? next = null;
                foreach (IStream s in streams)
                {
                    if (s.HasNext && s.NextSequence <= row.Sequence && (next is null || s.NextSequence < next.NextSequence))
                    {
                        next = s;
                    }
                }

                if (next is null)
                {
                    break;
                }

                next.Feed(features, clock);
            }

            result[i] = new double[CascadeFeatures.Count];
            features.Snapshot(row, result[i]);
        }

        return result;
    }

    private interface IStream
    {
        bool HasNext { get; }

        long NextSequence { get; }

        void Feed(CascadeFeatures features, Clock clock);
    }

    /// <summary>
    /// One monotone clock over all streams, as the recorder's and the live feed's: a command stamped before the previous
    /// one does not go back in time (its rows are fed at the latest time seen).
    /// </summary>
    private sealed class Clock
    {
        private long _now = long.MinValue;

        public long At(long timeNs) => _now = Math.Max(_now, timeNs);
    }

    private abstract class ColumnStream(ParquetColumns c) : IStream
    {

        private readonly long[] _time = c.Int64("time_ns"), _sequence = c.Int64("seq");

        protected int Index { get; private set; }

        public bool HasNext
        {
            get
            {
                while (Index < _time.Length && !Wanted(Index))
                {
                    Index++;
                }

                return Index < _time.Length;
            }
        }

        public long NextSequence => _sequence[Index];

        public void Feed(CascadeFeatures features, Clock clock)
        {
            FeedRow(features, Index, clock.At(_time[Index]));
            Index++;
        }

        /// <summary>False for a row the features do not read.</summary>
        protected virtual bool Wanted(int i) => true;

        protected abstract void FeedRow(CascadeFeatures features, int i, long timeNs);
    }

    private sealed class TradeStream(ParquetColumns c) : ColumnStream(c)
    {
        private readonly long[] _price = c.Int64("price"), _qty = c.Int64("quantity"), _liq = c.Int64("liquidation_id"), _notional = c.Int64("notional");
        private readonly string?[] _side = c.String("side");

        protected override void FeedRow(CascadeFeatures features, int i, long timeNs) =>
            features.OnTrade(timeNs, _price[i], _qty[i], _side[i] == "buy", _liq[i] != 0 ? _notional[i] : 0);
    }

    private sealed class TopOfBookStream(ParquetColumns c) : ColumnStream(c)
    {
        private readonly long[] _bid = c.Int64("bid"), _bidQty = c.Int64("bid_qty"), _ask = c.Int64("ask"), _askQty = c.Int64("ask_qty");

        protected override void FeedRow(CascadeFeatures features, int i, long timeNs) =>
            features.OnTopOfBook(timeNs, _bid[i], _bidQty[i], _ask[i], _askQty[i]);
    }

    private sealed class DepthStream(ParquetColumns c) : ColumnStream(c)
    {
        private readonly long[] _bid = c.Int64("bid_lots"), _ask = c.Int64("ask_lots");

        protected override void FeedRow(CascadeFeatures features, int i, long timeNs) => features.OnDepth(timeNs, _bid[i], _ask[i]);
    }

    /// <summary>The trigger rows of tape/liquidations (a perp liquidation's trigger, a lending-pool liquidation).</summary>
    private sealed class TriggerStream(ParquetColumns c) : ColumnStream(c)
    {
        private readonly string?[] _event = c.String("event");

        protected override bool Wanted(int i) => _event[i] is "triggered" or "pool_liquidation";

        protected override void FeedRow(CascadeFeatures features, int i, long timeNs) => features.OnLiquidation(timeNs);
    }

    private sealed class MapStream(ParquetColumns c) : ColumnStream(c)
    {
        private readonly long[] _mark = c.Int64("mark"), _bucket = c.Int64("bucket"), _low = c.Int64("price_low"), _high = c.Int64("price_high");
        private readonly long[] _long = c.Int64("long_notional"), _short = c.Int64("short_notional");

        protected override void FeedRow(CascadeFeatures features, int i, long timeNs) =>
            features.OnMapCell(timeNs, _mark[i], _bucket[i], _low[i], _high[i], _long[i], _short[i]);
    }
}
