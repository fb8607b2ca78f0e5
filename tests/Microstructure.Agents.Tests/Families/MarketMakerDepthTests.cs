using FsCheck;
using FsCheck.Fluent;
using Microstructure.Agents.Families;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Tests.TestSupport;
using Microstructure.Agents.Validation;

namespace Microstructure.Agents.Tests.Families;

/// <summary>Depth set per scenario, the gradual refill after a withdrawal, and a pause of zero (issue 12).</summary>
public class MarketMakerDepthTests
{
    private const long Second = 1_000_000_000;

    private static readonly MarketMakerOptions Options = new()
    {
        Levels = 3,
        LevelSpacingTicks = 5,
        HalfSpreadTicks = 5,
        VolatilitySpread = 0,
        InventorySkewTicksPerLot = 0,
        QuoteSize = ValueDistribution.Fixed(100),
        WithdrawVolatilityRatio = 3,
        WithdrawMinVolatility = 0.0001,
    };

    private static readonly Market.MarketSnapshot Calm = TestMarket.Quotes(499_990, 500_010, shortVol: 0.0002, longVol: 0.0002);

    private static readonly Market.MarketSnapshot Jumpy = TestMarket.Quotes(499_990, 500_010, shortVol: 0.001, longVol: 0.0002);

    [Fact]
    public void Depth_quote_is_split_over_the_levels_within_the_band_on_each_side()
    {
        // $150,000 a side within ±1% of a $50,000 mid, three levels inside: $50,000 = 1 BTC = 1,000 lots each.
        var context = Quote(Options with { DepthQuote = 150_000 });
        Assert.Equal(6, context.Places.Count());
        Assert.All(context.Places, q => Assert.Equal(1_000, q.Quantity.Lots));
        foreach (var side in new[] { Side.Buy, Side.Sell })
        {
            double quote = context.Places.Where(q => q.Side == side).Sum(q => q.Quantity.Lots * q.Price.Ticks * (double)TestMarket.K) / FixedPoint.CashScale;
            Assert.InRange(quote, 149_000, 151_000);
        }
    }

    [Fact]
    public void Only_the_levels_inside_the_band_share_the_depth()
    {
        // Band 10 ticks around 500,000: bids 499,995 and 499,990 are inside, 499,985 is not → $75,000 = 1,500 lots a level.
        var context = Quote(Options with { DepthQuote = 150_000, DepthBand = 0.00002 });
        Assert.All(context.Places, q => Assert.Equal(1_500, q.Quantity.Lots));
    }

    [Fact]
    public void After_a_withdrawal_the_quoted_size_ramps_back_with_the_half_life()
    {
        var options = Options with { WithdrawSeconds = 20, RefillHalfLifeSeconds = 10 };
        var maker = new MarketMaker(TestMarket.Setup(), options, 0);
        var context = new FakeContext { Market = Calm };
        maker.OnWake(context);
        Assert.All(context.Places, q => Assert.Equal(100, q.Quantity.Lots)); // full size before any withdrawal
        context.AcceptAll(maker);
        context.Clear();

        context.Market = Jumpy;
        context.Now = 1 * Second;
        maker.OnWake(context);
        Assert.Equal(21 * Second, context.Wake); // out until 21 s
        Assert.Equal(6, context.Cancels.Count());

        context.Market = Calm;
        foreach (var (at, lots) in new[] { (21, 0L), (31, 50L), (41, 75L), (51, 88L) })
        {
            context.Clear();
            context.Now = at * Second;
            maker.OnWake(context);
            context.AcceptAll(maker);
            if (lots == 0)
            {
                Assert.Empty(context.Places); // the ramp starts at zero
            }
            else
            {
                Assert.Equal(6, context.Places.Count());
                Assert.All(context.Places, q => Assert.Equal(lots, q.Quantity.Lots)); // 100 × (1 − 2^(−t/10 s))
            }
        }

        context.Clear();
        context.Now = 91 * Second; // 1 − 2^(−7) > 0.99: back to full size, and the ramp is over
        maker.OnWake(context);
        context.AcceptAll(maker);
        Assert.All(context.Places, q => Assert.Equal(100, q.Quantity.Lots));
        Assert.Equal(1, maker.RefillFraction);
        context.Clear();
        context.Now = 92 * Second;
        maker.OnWake(context);
        Assert.Empty(context.Orders); // same prices, full size: quotes kept
    }

    /// <summary>For any half-life and re-quote times after a withdrawal, the quoted size never shrinks, never exceeds full size, and is within a lot of 100 × (1 − 2^(−t/h)).</summary>
    [Fact]
    public void The_refill_ramp_is_monotone_bounded_and_follows_the_half_life()
    {
        Prop.ForAll(
            Gen.Choose(1, 600).ToArbitrary(),
            Gen.ArrayOf(Gen.Choose(1, 20_000), 12).ToArbitrary(),
            (halfLife, stepsMillis) =>
            {
                var maker = new MarketMaker(TestMarket.Setup(), Options with { WithdrawSeconds = 0, RefillHalfLifeSeconds = halfLife }, 0);
                var context = new FakeContext { Market = Jumpy };
                maker.OnWake(context); // pulls its (no) quotes: the ramp starts now
                context.Market = Calm;
                long previous = 0;
                foreach (int step in stepsMillis)
                {
                    context.Clear();
                    context.Now += step * 1_000_000L;
                    maker.OnWake(context);
                    context.AcceptAll(maker);
                    if (!context.Places.Any() && previous == 100)
                    {
                        continue; // the ramp is over and its full-size quotes are kept
                    }

                    long size = context.Places.Select(q => q.Quantity.Lots).DefaultIfEmpty(0).Max();
                    double ideal = 100 * (1 - Math.Pow(2, -context.Now / 1e9 / halfLife));
                    bool rampOver = maker.RefillFraction == 1 && size == 100;
                    if (size < previous || size > 100 || (!rampOver && Math.Abs(size - ideal) > 1))
                    {
                        return false;
                    }

                    previous = size;
                }

                return true;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Without_a_half_life_the_quotes_snap_back_to_full_size()
    {
        var maker = new MarketMaker(TestMarket.Setup(), Options with { WithdrawSeconds = 20 }, 0);
        var context = new FakeContext { Market = Jumpy, Now = 1 * Second };
        maker.OnWake(context);
        context.Clear();
        context.Market = Calm;
        context.Now = 21 * Second;
        maker.OnWake(context);
        Assert.Equal(6, context.Places.Count());
        Assert.All(context.Places, q => Assert.Equal(100, q.Quantity.Lots));
    }

    /// <summary>
    /// Issue 12: with <c>withdrawSeconds: 0</c> the maker woke at the same instant forever. Drive it like the kernel
    /// (wake, advance the clock to the wake-up it asked for) through a minute of high volatility: the clock must move
    /// on every wake-up and the number of wake-ups must stay at about one per re-quote interval.
    /// </summary>
    [Fact]
    public void A_zero_withdrawal_pause_schedules_a_bounded_number_of_wake_ups()
    {
        var maker = new MarketMaker(TestMarket.Setup(), Options with { WithdrawSeconds = 0, RefillHalfLifeSeconds = 5 }, 0);
        var context = new FakeContext { Market = Jumpy };
        int wakes = 0;
        while (context.Now < 60 * Second && wakes < 10_000)
        {
            maker.OnWake(context);
            wakes++;
            long next = Assert.NotNull(context.Wake);
            Assert.True(next > context.Now, $"wake-up {wakes} at {context.Now} ns asked for {next} ns");
            context.Now = next;
        }

        Assert.InRange(wakes, 100, 60 / 0.4 + 1); // 0.5 s ± 20% re-quote interval
        Assert.Equal(wakes, maker.Withdrawals);
        Assert.Empty(context.Places);

        context.Clear();
        context.Market = Calm; // volatility calmed: it quotes again at once, the refill ramp starting from the last pull
        context.Now += 5 * Second;
        maker.OnWake(context);
        Assert.Equal(6, context.Places.Count());
        Assert.All(context.Places, q => Assert.InRange(q.Quantity.Lots, 45, 55));
    }

    [Theory]
    [InlineData(-1, 0.01, 0, "agents[1].depthQuote")]
    [InlineData(100, 0, 0, "agents[1].depthBand")]
    [InlineData(100, 1.5, 0, "agents[1].depthBand")]
    [InlineData(100, 0.01, -5, "agents[1].refillHalfLifeSeconds")]
    public void Bad_depth_and_refill_settings_are_named_by_their_field(double depth, double band, double halfLife, string path)
    {
        var options = Options with { DepthQuote = depth, DepthBand = band, RefillHalfLifeSeconds = halfLife };
        Assert.Equal(path, Assert.Throws<AgentConfigurationException>(() => options.Validate("agents[1]")).Path);
    }

    private static FakeContext Quote(MarketMakerOptions options)
    {
        var maker = new MarketMaker(TestMarket.Setup(), options, 0);
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010) };
        maker.OnWake(context);
        return context;
    }
}
