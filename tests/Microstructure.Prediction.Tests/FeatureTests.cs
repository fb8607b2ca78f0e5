using FsCheck;
using FsCheck.Fluent;
using Microstructure.Analysis.Cascades;
using Microstructure.Engine;
using Microstructure.Prediction.Data;
using Microstructure.Risk.Warning;

namespace Microstructure.Prediction.Tests;

public sealed class FeatureTests
{
    private const long S = 1_000_000_000;

    [Fact]
    public void Every_feature_has_a_name()
    {
        Assert.Equal(CascadeFeatures.Count, CascadeFeatures.Names.Length);
        Assert.Equal(CascadeFeatures.Names.Length, CascadeFeatures.Names.Distinct().Count());
    }

    /// <summary>
    /// No lookahead: the features at every snapshot t are the same whether the tapes go on after t or stop at t —
    /// a random run's tapes cut after a random time give, for the snapshots kept, exactly the full tapes' features.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property Features_at_t_use_nothing_after_t()
    {
        return Prop.ForAll(RandomRun().ToArbitrary(), Gen.Choose(0, 40_000).ToArbitrary(), (run, cutMs) =>
        {
            long cut = cutMs * 1_000_000L;
            double[][] full = FeatureExtractor.Extract(run.Tapes(long.MaxValue));
            double[][] truncated = FeatureExtractor.Extract(run.Tapes(cut));
            if (truncated.Length != run.Snapshots.Count(t => t <= cut))
            {
                return false;
            }

            for (int i = 0; i < truncated.Length; i++)
            {
                for (int k = 0; k < CascadeFeatures.Count; k++)
                {
                    if (BitConverter.DoubleToInt64Bits(truncated[i][k]) != BitConverter.DoubleToInt64Bits(full[i][k]))
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    [Fact]
    public void An_event_older_than_the_last_one_fed_is_refused()
    {
        var features = new CascadeFeatures();
        features.OnTopOfBook(2 * S, 100, 1, 101, 1);
        Assert.Throws<ArgumentException>(() => features.OnTrade(1 * S, 100, 1, true, 0));
    }

    [Fact]
    public void The_map_bands_split_long_below_and_short_above_the_mark()
    {
        var f = new CascadeFeatures();
        // Mark 10,000 ticks; buckets 0.25% wide: bucket −1 = [9975, 10000), −4 = [9900, 9925), −5 = [9875, 9900).
        f.OnMapCell(S, 10_000, -1, 9_975, 10_000, 7, 0);
        f.OnMapCell(S, 10_000, -4, 9_900, 9_925, 5, 0);
        f.OnMapCell(S, 10_000, -5, 9_875, 9_900, 11, 0);
        f.OnMapCell(S, 10_000, 0, 10_000, 10_025, 0, 3);
        f.OnMapCell(S, 10_000, 7, 10_175, 10_200, 0, 13);
        var v = new double[CascadeFeatures.Count];
        f.Snapshot(new MonitorRow(S, 1, 10_000, 1000, null, 0, null, null, null, null, null, null, null, null, 0, 0, 0, 0, null, null, null), v);

        double F(string name) => v[Array.IndexOf(CascadeFeatures.Names, name)];
        Assert.Equal(12, F("map_long_below_1pct"));
        Assert.Equal(23, F("map_long_below_2pct"));
        Assert.Equal(3, F("map_short_above_1pct"));
        Assert.Equal(16, F("map_short_above_2pct"));
        Assert.True(double.IsNaN(F("seconds_since_last_liquidation")));
    }

    /// <summary>A random run: snapshots each second, events at random milliseconds, map cells at snapshot times.</summary>
    private sealed record Run(long[] Snapshots, (long T, long Price, long Qty, bool Buy, long Liq)[] Trades, (long T, long Bid, long Ask)[] Quotes,
        (long T, long Bid, long Ask)[] Depths, long[] Liquidations, (long T, long Bucket, long Notional)[] Cells)
    {
        public RunTapes Tapes(long cut)
        {
            var trades = Trades.Where(x => x.T <= cut).ToArray();
            var quotes = Quotes.Where(x => x.T <= cut).ToArray();
            var depths = Depths.Where(x => x.T <= cut).ToArray();
            var cells = Cells.Where(x => x.T <= cut).ToArray();
            var triggers = Liquidations.Where(t => t <= cut).ToArray();
            long Mark(long t) => 10_000 + (t / S % 7) * 10;

            // One command per millisecond: an event's command sequence is its time in ms, a snapshot's the same.
            static long Seq(long t) => t / 1_000_000;
            return new RunTapes
            {
                Directory = "mem",
                Monitor = [.. Snapshots.Where(t => t <= cut).Select(t => new MonitorRow(t, Seq(t), Mark(t), 1_000_000, 2 * 100_000_000L, 1, 500_000_000, null, 900_000_000, 10_000_000, 50_000_000, 90_000_000, 30_000_000, 1_000_000, 5_000, 100, 200, 300, 5, null, 1))],
                Trades = ParquetColumns.InMemory("trades", trades.Length, new Dictionary<string, Array>
                {
                    ["time_ns"] = trades.Select(x => x.T).ToArray(), ["seq"] = trades.Select(x => Seq(x.T)).ToArray(), ["price"] = trades.Select(x => x.Price).ToArray(),
                    ["quantity"] = trades.Select(x => x.Qty).ToArray(), ["side"] = trades.Select(x => (string?)(x.Buy ? "buy" : "sell")).ToArray(),
                    ["liquidation_id"] = trades.Select(x => x.Liq).ToArray(), ["notional"] = trades.Select(x => x.Price * x.Qty).ToArray(),
                }),
                TopOfBook = ParquetColumns.InMemory("l1", quotes.Length, new Dictionary<string, Array>
                {
                    ["time_ns"] = quotes.Select(x => x.T).ToArray(), ["seq"] = quotes.Select(x => Seq(x.T)).ToArray(), ["bid"] = quotes.Select(x => x.Bid).ToArray(), ["bid_qty"] = quotes.Select(x => x.Ask % 17 + 1).ToArray(),
                    ["ask"] = quotes.Select(x => x.Ask).ToArray(), ["ask_qty"] = quotes.Select(x => x.Bid % 13 + 1).ToArray(),
                }),
                Depth = ParquetColumns.InMemory("depth", depths.Length, new Dictionary<string, Array>
                {
                    ["time_ns"] = depths.Select(x => x.T).ToArray(), ["seq"] = depths.Select(x => Seq(x.T)).ToArray(), ["bid_lots"] = depths.Select(x => x.Bid).ToArray(), ["ask_lots"] = depths.Select(x => x.Ask).ToArray(),
                }),
                Map = ParquetColumns.InMemory("map", cells.Length, new Dictionary<string, Array>
                {
                    ["time_ns"] = cells.Select(x => x.T).ToArray(), ["seq"] = cells.Select(x => Seq(x.T)).ToArray(), ["mark"] = cells.Select(x => Mark(x.T)).ToArray(), ["bucket"] = cells.Select(x => x.Bucket).ToArray(),
                    ["price_low"] = cells.Select(x => Mark(x.T) + Mark(x.T) * x.Bucket / 400).ToArray(),
                    ["price_high"] = cells.Select(x => Mark(x.T) + Mark(x.T) * (x.Bucket + 1) / 400).ToArray(),
                    ["long_notional"] = cells.Select(x => x.Bucket < 0 ? x.Notional : 0).ToArray(),
                    ["short_notional"] = cells.Select(x => x.Bucket >= 0 ? x.Notional : 0).ToArray(),
                }),
                // Liquidations are read from the whole run (their notional and tree are labels' business); only trigger times ≤ t feed features.
                Liquidations = [.. Liquidations.Where(t => t <= cut).Select((t, i) => new LiquidationRecord(i + 1, LiquidationRecord.NoParent, t, 1, Side.Sell, 0, 0))],
                Triggers = ParquetColumns.InMemory("liquidations", triggers.Length, new Dictionary<string, Array>
                {
                    ["time_ns"] = triggers, ["seq"] = triggers.Select(Seq).ToArray(), ["event"] = triggers.Select(_ => (string?)"triggered").ToArray(),
                }),
            };
        }
    }

    private static Gen<Run> RandomRun()
    {
        Gen<long> Ms() => Gen.Choose(0, 40_000).Select(ms => ms * 1_000_000L);
        var trade = from t in Ms() from p in Gen.Choose(9_900, 10_100) from q in Gen.Choose(1, 50) from b in Gen.Elements(true, false) from l in Gen.Elements(0L, 0L, 0L, 7L)
                    select (t, (long)p, (long)q, b, l);
        var quote = from t in Ms() from bid in Gen.Choose(0, 10_000) from w in Gen.Choose(1, 30) select (t, (long)bid, bid == 0 ? 0L : bid + w);
        var depth = from t in Ms() from b in Gen.Choose(0, 900) from a in Gen.Choose(0, 900) select (t, (long)b, (long)a);
        var cell = from s in Gen.Choose(0, 39) from b in Gen.Choose(-40, 39) from n in Gen.Choose(1, 1_000) select (s, (long)b, (long)n);
        return
            from snapshots in Gen.Choose(1, 40)
            from trades in Gen.ListOf(trade)
            from quotes in Gen.ListOf(quote)
            from depths in Gen.ListOf(depth)
            from liquidations in Gen.ListOf(Ms())
            from cells in Gen.ListOf(cell)
            select new Run(
                [.. Enumerable.Range(0, snapshots).Select(s => s * S)],
                [.. trades.OrderBy(x => x.Item1)],
                [.. quotes.OrderBy(x => x.Item1)],
                [.. depths.OrderBy(x => x.Item1)],
                [.. liquidations.Order()],
                [.. cells.Where(c => c.Item1 < snapshots).Select(c => (c.Item1 * S, c.Item2, c.Item3)).OrderBy(c => c.Item1)]);
    }
}
