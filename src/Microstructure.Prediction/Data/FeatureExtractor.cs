using Microstructure.Prediction.Features;

namespace Microstructure.Prediction.Data;

/// <summary>
/// Feeds a run's tapes to one <see cref="CascadeFeatures"/> in time order and collects the features at every
/// risk-monitor snapshot: before the snapshot at t, every trade, top-of-book change, depth snapshot, liquidation
/// trigger and map cell with time ≤ t, merged by time (ties in a fixed stream order), nothing later.
/// </summary>
internal static class FeatureExtractor
{
    /// <summary>One feature vector per monitor snapshot, in snapshot order.</summary>
    public static double[][] Extract(RunTapes run)
    {
        var features = new CascadeFeatures();
        var result = new double[run.Monitor.Length][];
        var streams = new IStream[]
        {
            new TradeStream(run.Trades), new TopOfBookStream(run.TopOfBook), new DepthStream(run.Depth),
            new LiquidationStream(run.Liquidations.Select(r => r.TimeNs).Order().ToArray()), new MapStream(run.Map),
        };
        for (int i = 0; i < run.Monitor.Length; i++)
        {
            MonitorRow row = run.Monitor[i];
            while (true)
            {
                IStream? next = null;
                foreach (IStream s in streams)
                {
                    if (s.HasNext && s.NextTimeNs <= row.TimeNs && (next is null || s.NextTimeNs < next.NextTimeNs))
                    {
                        next = s;
                    }
                }

                if (next is null)
                {
                    break;
                }

                next.Feed(features);
            }

            result[i] = new double[CascadeFeatures.Count];
            features.Snapshot(row, result[i]);
        }

        return result;
    }

    private interface IStream
    {
        bool HasNext { get; }

        long NextTimeNs { get; }

        void Feed(CascadeFeatures features);
    }

    private abstract class ColumnStream(long[] time) : IStream
    {
        protected int Index { get; private set; }

        public bool HasNext => Index < time.Length;

        public long NextTimeNs => time[Index];

        public void Feed(CascadeFeatures features)
        {
            FeedRow(features, Index, time[Index]);
            Index++;
        }

        protected abstract void FeedRow(CascadeFeatures features, int i, long timeNs);
    }

    private sealed class TradeStream(ParquetColumns c) : ColumnStream(c.Int64("time_ns"))
    {
        private readonly long[] _price = c.Int64("price"), _qty = c.Int64("quantity"), _liq = c.Int64("liquidation_id"), _notional = c.Int64("notional");
        private readonly string?[] _side = c.String("side");

        protected override void FeedRow(CascadeFeatures features, int i, long timeNs) =>
            features.OnTrade(timeNs, _price[i], _qty[i], _side[i] == "buy", _liq[i] != 0 ? _notional[i] : 0);
    }

    private sealed class TopOfBookStream(ParquetColumns c) : ColumnStream(c.Int64("time_ns"))
    {
        private readonly long[] _bid = c.Int64("bid"), _bidQty = c.Int64("bid_qty"), _ask = c.Int64("ask"), _askQty = c.Int64("ask_qty");

        protected override void FeedRow(CascadeFeatures features, int i, long timeNs) =>
            features.OnTopOfBook(timeNs, _bid[i], _bidQty[i], _ask[i], _askQty[i]);
    }

    private sealed class DepthStream(ParquetColumns c) : ColumnStream(c.Int64("time_ns"))
    {
        private readonly long[] _bid = c.Int64("bid_lots"), _ask = c.Int64("ask_lots");

        protected override void FeedRow(CascadeFeatures features, int i, long timeNs) => features.OnDepth(timeNs, _bid[i], _ask[i]);
    }

    private sealed class LiquidationStream(long[] times) : ColumnStream(times)
    {
        protected override void FeedRow(CascadeFeatures features, int i, long timeNs) => features.OnLiquidation(timeNs);
    }

    private sealed class MapStream(ParquetColumns c) : ColumnStream(c.Int64("time_ns"))
    {
        private readonly long[] _mark = c.Int64("mark"), _bucket = c.Int64("bucket"), _low = c.Int64("price_low"), _high = c.Int64("price_high");
        private readonly long[] _long = c.Int64("long_notional"), _short = c.Int64("short_notional");

        protected override void FeedRow(CascadeFeatures features, int i, long timeNs) =>
            features.OnMapCell(timeNs, _mark[i], _bucket[i], _low[i], _high[i], _long[i], _short[i]);
    }
}
