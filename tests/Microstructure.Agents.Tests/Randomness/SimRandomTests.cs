using FsCheck;
using FsCheck.Fluent;
using Microstructure.Agents.Randomness;

namespace Microstructure.Agents.Tests.Randomness;

public class SimRandomTests
{
    [Fact]
    public void Same_seed_and_stream_give_the_same_numbers_and_other_streams_differ()
    {
        var a = SimRandom.ForStream(42, 3);
        var b = SimRandom.ForStream(42, 3);
        var other = SimRandom.ForStream(42, 4);
        var otherSeed = SimRandom.ForStream(43, 3);
        ulong[] first = [.. Enumerable.Range(0, 100).Select(_ => a.NextUInt64())];
        Assert.Equal(first, Enumerable.Range(0, 100).Select(_ => b.NextUInt64()));
        Assert.NotEqual(first, Enumerable.Range(0, 100).Select(_ => other.NextUInt64()));
        Assert.NotEqual(first, Enumerable.Range(0, 100).Select(_ => otherSeed.NextUInt64()));
    }

    [Fact]
    public void The_stream_is_pinned_so_a_seed_means_the_same_run_on_every_machine()
    {
        // xoshiro256** seeded by SplitMix64 from 0: a regression pin (changing the generator changes every scenario's run).
        var random = new SimRandom(0);
        Assert.Equal(11091344671253066420UL, random.NextUInt64());
    }

    [Fact]
    public void NextInt_stays_in_range_and_hits_every_value()
    {
        var random = new SimRandom(7);
        var seen = new int[7];
        for (int i = 0; i < 7_000; i++)
        {
            seen[random.NextInt(7)]++;
        }

        Assert.All(seen, count => Assert.InRange(count, 850, 1_150));
    }

    [Fact]
    public void Exponential_and_normal_draws_have_their_textbook_moments()
    {
        var random = new SimRandom(11);
        double[] exp = [.. Enumerable.Range(0, 200_000).Select(_ => random.NextExponential(3.0))];
        double[] normal = [.. Enumerable.Range(0, 200_000).Select(_ => random.NextNormal())];
        Assert.InRange(exp.Average(), 2.97, 3.03);
        Assert.InRange(normal.Average(), -0.01, 0.01);
        Assert.InRange(normal.Select(x => x * x).Average(), 0.99, 1.01);
    }

    [Fact]
    public void Poisson_waits_average_one_over_the_rate_and_rate_zero_never_wakes()
    {
        var random = new SimRandom(5);
        double mean = Enumerable.Range(0, 100_000).Average(_ => (double)random.NextWaitNanos(4.0));
        Assert.InRange(mean, 0.245e9, 0.255e9);
        Assert.Equal(long.MaxValue, random.NextWaitNanos(0));
    }

    [Fact]
    public void Uniform_doubles_stay_in_their_half_open_ranges()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), seed =>
        {
            var random = new SimRandom(seed);
            for (int i = 0; i < 100; i++)
            {
                double u = random.NextDouble();
                double open = random.NextOpenDouble();
                if (u is < 0 or >= 1 || open is <= 0 or > 1)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
