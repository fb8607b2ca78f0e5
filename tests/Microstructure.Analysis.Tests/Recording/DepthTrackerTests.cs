using Microstructure.Analysis.Recording;
using Microstructure.Engine;
using Microstructure.Risk;

namespace Microstructure.Analysis.Tests.Recording;

public sealed class DepthTrackerTests
{
    [Fact]
    public void Depth_counts_the_visible_lots_within_the_band_around_the_mid_on_both_sides()
    {
        // Mid 100.00 (20,000 half ticks), band 1%: prices 99.00 … 101.00 count; 98.99 and 101.01 do not.
        var d = new DepthTracker(0, 10_000, buckets: 10, bandFraction: 0.01);
        foreach ((Side side, long price, long lots) in (ReadOnlySpan<(Side, long, long)>)[(Side.Buy, 9_999, 5), (Side.Buy, 9_900, 7), (Side.Buy, 9_899, 100), (Side.Sell, 10_001, 3), (Side.Sell, 10_100, 4), (Side.Sell, 10_101, 100)])
        {
            d.OnLevel(Level(seq: 3, side, price, lots), nowNs: 500, mid: 20_000);
        }

        Assert.True(d.IsPending);
        DepthObservation o = d.Finish();
        Assert.Equal(new DepthObservation(500, 3, BidLots: 12, AskLots: 7, Levels: 6, Mid: 20_000), o);
        Assert.Equal(19, o.Depth);
        Assert.Equal(19, d.LastDepth);
        Assert.False(d.IsPending);
    }

    [Fact]
    public void Without_a_two_sided_mid_the_band_is_centred_on_the_best_price_there_is()
    {
        var d = new DepthTracker(0, 10_000, 10, 0.01);
        d.OnLevel(Level(1, Side.Buy, 10_000, 5), 0, mid: 0);
        d.OnLevel(Level(1, Side.Buy, 9_901, 6), 0, mid: 0);
        d.OnLevel(Level(1, Side.Buy, 9_899, 7), 0, mid: 0);
        Assert.Equal(11, d.Finish().Depth);
    }

    [Fact]
    public void The_heatmap_keeps_the_last_snapshot_of_each_bucket_in_half_ticks()
    {
        var d = new DepthTracker(0, 1_000, buckets: 4, bandFraction: 0.5);
        d.OnLevel(Level(1, Side.Buy, 10, 5), 100, 22);
        d.Finish();
        d.OnLevel(Level(2, Side.Buy, 10, 8), 200, 22); // same bucket: replaces the first
        d.OnLevel(Level(2, Side.Sell, 12, 1), 200, 22);
        d.Finish();

        var grid = d.BuildGrid()!;
        Assert.Equal((20L, 2L, 3), (grid.LowestPrice, grid.PriceStep, grid.Levels)); // 10 … 12 ticks as half ticks
        Assert.Equal(8, grid[0, 0]);
        Assert.Equal(1, grid[2, 0]);
        Assert.Equal(8, grid[0, 3]); // carried forward
        Assert.Null(new DepthTracker(0, 1_000, 4, 0.5).BuildGrid());
    }

    [Fact]
    public void A_snapshot_exactly_at_the_end_stays_in_the_last_bucket_and_the_grid_spans_the_run()
    {
        var d = new DepthTracker(0, 1_000, buckets: 4, bandFraction: 0.5);
        for (long t = 0; t <= 1_000; t += 100)
        {
            d.OnLevel(Level(t + 1, Side.Buy, 10, t + 1), t, 22);
            d.Finish();
        }

        var grid = d.BuildGrid()!;
        Assert.Equal((250L, 4), (grid.BucketNs, grid.Buckets));
        Assert.Equal(1_001, grid[0, 3]); // the snapshot at 1,000 ns
    }

    [Fact]
    public void A_coarsened_grid_ends_at_the_bucket_of_the_last_snapshot()
    {
        var d = new DepthTracker(0, 1_000, buckets: 4, bandFraction: 0.5);
        d.OnLevel(Level(1, Side.Buy, 10, 1), 100, 22);
        d.Finish();
        d.OnLevel(Level(2, Side.Buy, 10, 2), 2_100, 22); // 1,000 ns buckets: bucket 2
        d.Finish();

        var grid = d.BuildGrid()!;
        Assert.Equal((1_000L, 3), (grid.BucketNs, grid.Buckets));
        Assert.Equal(2, grid[0, 2]);
    }

    [Fact]
    public void Snapshots_past_the_announced_end_coarsen_the_heatmap_instead_of_piling_into_the_last_bucket()
    {
        var d = new DepthTracker(0, 1_000, buckets: 4, bandFraction: 0.5); // 250 ns buckets
        void Snapshot(long seq, long time, long lots)
        {
            d.OnLevel(Level(seq, Side.Buy, 10, lots), time, 22);
            d.Finish();
        }

        Snapshot(1, 100, 1);   // bucket 0
        Snapshot(2, 300, 2);   // bucket 1
        Snapshot(3, 600, 3);   // bucket 2
        Snapshot(4, 3_900, 4); // past the end: 500 ns buckets do not reach, 1,000 ns buckets do (bucket 3)

        var grid = d.BuildGrid()!;
        Assert.Equal(1_000, grid.BucketNs);
        Assert.Equal(4, grid.Buckets); // up to the bucket of the last snapshot (3,900 ns), no further
        Assert.Equal(3, grid[0, 0]); // 0–999 holds the snapshots at 100, 300 and 600: the last one is kept
        Assert.Equal(3, grid[0, 1]); // 1,000–2,999 saw none: carried forward
        Assert.Equal(3, grid[0, 2]);
        Assert.Equal(4, grid[0, 3]); // 3,000–3,999
    }

    [Fact]
    public void The_mid_relative_grid_puts_the_mid_between_the_bid_and_ask_rows_in_whole_ticks()
    {
        var d = new DepthTracker(0, 1_000, buckets: 4, bandFraction: 0.5);
        d.OnLevel(Level(1, Side.Buy, 10, 5), 100, 22); // bid 10, ask 12 ticks: mid 22 half ticks, offsets −2 and +2
        d.OnLevel(Level(1, Side.Sell, 12, 7), 100, 22);
        d.Finish();
        d.OnLevel(Level(2, Side.Buy, 20, 9), 800, 42); // the price moved 10 ticks up: same shape around the new mid
        d.OnLevel(Level(2, Side.Sell, 22, 4), 800, 42);
        d.Finish();

        var grid = d.BuildRelativeGrid(0, 1_000, maxOffset: 1_000)!;
        // Reach 2 half ticks + a quarter + 2 of room = 4: rows of 2 half ticks from −4, the mid (0) is row 2's bottom edge.
        Assert.Equal((-4L, 2L, 5, 4), (grid.LowestPrice, grid.PriceStep, grid.Levels, grid.Buckets));
        Assert.Equal(0, grid.LowestPrice + (2 * grid.PriceStep));
        Assert.Equal((5.0, 7.0), (grid[1, 0], grid[3, 0]));
        Assert.Equal((5.0, 7.0), (grid[1, 2], grid[3, 2])); // carried forward
        Assert.Equal((9.0, 4.0), (grid[1, 3], grid[3, 3]));
    }

    [Fact]
    public void The_mid_relative_grid_ignores_stray_far_orders_and_carries_the_book_into_its_window()
    {
        var d = new DepthTracker(0, 1_000, buckets: 4, bandFraction: 0.5);
        d.OnLevel(Level(1, Side.Buy, 10, 300), 100, 22);
        d.OnLevel(Level(1, Side.Sell, 12, 300), 100, 22);
        d.OnLevel(Level(1, Side.Sell, 500, 1), 100, 22); // 1 lot of 601 far away: outside the 95% the grid keeps
        d.Finish();

        var grid = d.BuildRelativeGrid(600, 1_000, maxOffset: 10_000)!; // buckets 2 and 3, both without a snapshot
        Assert.Equal((-4L, 5, 2, 500L), (grid.LowestPrice, grid.Levels, grid.Buckets, grid.StartNs));
        Assert.Equal((300.0, 300.0), (grid[1, 0], grid[3, 1]));
        Assert.Null(new DepthTracker(0, 1_000, 4, 0.5).BuildRelativeGrid(0, 1_000, 10));
    }

    private static ExchangeEvent Level(long seq, Side side, long price, long lots) => new()
    {
        Type = ExchangeEventType.L2Level,
        Engine =
        {
            CommandSequence = seq,
            Side = side,
            Price = new Price(price),
            Quantity = new Quantity(lots),
            OrderCount = 1,
        },
    };
}
