using FsCheck;
using FsCheck.Fluent;
using Microstructure.Risk.Detection;

namespace Microstructure.Risk.Tests.Detection;

public class ThresholdIndexTests
{
    [Fact]
    public void Long_index_pops_highest_threshold_first_and_ties_in_arrival_order()
    {
        var index = new ThresholdIndex(8, 1, 1_000, breachedAtOrBelow: true);
        index.Set(0, 500);
        index.Set(1, 700);
        index.Set(2, 700);
        index.Set(3, 100);
        Assert.False(index.HasBreach(701));
        Assert.True(index.HasBreach(700));
        Assert.Equal(1, index.PopBreached(650));
        Assert.Equal(2, index.PopBreached(650));
        Assert.Equal(-1, index.PopBreached(650));
        Assert.Equal(0, index.PopBreached(400));
        Assert.Equal(3, index.PopBreached(1));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Short_index_pops_lowest_threshold_first()
    {
        var index = new ThresholdIndex(8, 1, 1_000, breachedAtOrBelow: false);
        index.Set(0, 500);
        index.Set(1, 300);
        Assert.Equal(-1, index.PopBreached(299));
        Assert.Equal(1, index.PopBreached(600));
        Assert.Equal(0, index.PopBreached(600));
    }

    [Fact]
    public void Moving_an_account_to_the_same_key_keeps_its_place_and_a_new_key_moves_it()
    {
        var index = new ThresholdIndex(8, 1, 1_000, breachedAtOrBelow: true);
        index.Set(0, 500);
        index.Set(1, 500);
        index.Set(0, 500);
        Assert.Equal(0, index.PopBreached(500));
        index.Set(1, 200);
        Assert.Equal(200, index.KeyOf(1));
        Assert.False(index.HasBreach(300));
        index.Remove(1);
        Assert.False(index.Contains(1));
        Assert.Equal(long.MinValue, index.BestKey);
    }

    [Fact]
    public void Collected_breaches_equal_a_scan_for_random_keys_moves_and_probes()
    {
        var operations = Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 63), Gen.Choose(-1, 2_000)));
        var probes = Gen.ArrayOf(Gen.Choose(1, 2_000));
        var property = Prop.ForAll(Arb.From(operations), Arb.From(probes), (ops, marks) =>
        {
            foreach (bool below in new[] { true, false })
            {
                var index = new ThresholdIndex(64, 1, 2_000, below);
                var keys = new Dictionary<int, long>();
                foreach (var (account, key) in ops)
                {
                    if (key < 1)
                    {
                        index.Remove(account);
                        keys.Remove(account);
                    }
                    else
                    {
                        index.Set(account, key);
                        keys[account] = key;
                    }
                }

                foreach (int mark in marks)
                {
                    var found = new List<int>();
                    index.CollectBreached(mark, found);
                    var scan = keys.Where(k => below ? mark <= k.Value : mark >= k.Value).Select(k => k.Key).Order();
                    Assert.Equal(scan, found.Order());
                    Assert.Equal(scan.Any(), index.HasBreach(mark));
                    Assert.Equal(found.Count, found.Distinct().Count());
                }
            }
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }
}
