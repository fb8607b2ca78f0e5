using Microstructure.Analysis.Plots;
using Microstructure.Engine;
using Microstructure.Engine.Matching;

namespace Microstructure.Analysis.Tests.Plots;

public sealed class DepthGridBuilderTests
{
    private static L2Level L(long price, long qty) => new(new Price(price), new Quantity(qty), 1);

    [Fact]
    public void Last_snapshot_in_a_bucket_wins_and_gaps_carry_the_previous_column_forward()
    {
        // 4 buckets of 10 ns from t = 0; 3 levels of 2 ticks from price 100 (100–101, 102–103, 104–105).
        var b = new DepthGridBuilder(0, 10, 4, 100, 2, 3);
        b.Add(12, [L(100, 5)], [L(104, 7)]);
        b.Add(15, [L(101, 1), L(100, 2)], [L(105, 4)]); // replaces the first snapshot of bucket 1
        b.Add(35, [L(103, 9)], [L(200, 50), L(99, 1)]); // 200 and 99 lie outside the window

        DepthGrid g = b.Build();

        Assert.Equal(3, g.Levels);
        Assert.Equal(4, g.Buckets);
        Assert.True(double.IsNaN(g[0, 0])); // before the first snapshot
        Assert.Equal(3, g[0, 1]); // 1 + 2 lots on level 0
        Assert.Equal(0, g[1, 1]);
        Assert.Equal(4, g[2, 1]);
        Assert.Equal(3, g[0, 2]); // bucket 2 had no snapshot: bucket 1 carried forward
        Assert.Equal(0, g[0, 3]);
        Assert.Equal(9, g[1, 3]);
        Assert.Equal(0, g[2, 3]);
    }

    [Fact]
    public void Snapshots_outside_the_time_range_are_ignored()
    {
        var b = new DepthGridBuilder(100, 10, 2, 0, 1, 1);
        b.Add(50, [L(0, 5)], []);
        b.Add(120, [L(0, 5)], []);

        DepthGrid g = b.Build();

        Assert.True(double.IsNaN(g[0, 0]));
        Assert.True(double.IsNaN(g[0, 1]));
    }

    [Fact]
    public void Non_positive_dimensions_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DepthGridBuilder(0, 0, 1, 0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DepthGrid(0, 1, 0, 0, new double[1, 1]));
    }
}
