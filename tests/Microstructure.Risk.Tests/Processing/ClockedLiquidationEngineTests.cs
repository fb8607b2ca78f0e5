using FsCheck;
using FsCheck.Fluent;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Liquidation.Desk;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Tests.TestSupport;

namespace Microstructure.Risk.Tests.Processing;

/// <summary>
/// Time in the liquidation engine (issue 11 §1): the mark is published on a clock, a one-sided book never prices it,
/// the queue is worked at a pace on the exchange clock, and a publication's breaches are attributed to the liquidation
/// whose fills moved the price.
/// </summary>
public class ClockedLiquidationEngineTests
{
    private const long Maker = 1;
    private const long Buyer = 2;

    private static long Ticks(decimal rate) => FixedPoint.ToRate(rate);

    [Fact]
    public void A_fill_moves_a_clocked_mark_only_at_the_next_publication()
    {
        var d = new Driver(Instruments.Simple() with { Mark = new MarkPriceOptions { Method = MarkPriceMethod.LastTrade, PublishIntervalSeconds = 1m } });
        d.Deposit(Maker, 100_000m);
        d.Deposit(Buyer, 100_000m);
        d.Limit(Maker, Side.Sell, 10_000, 1);
        d.Limit(Buyer, Side.Buy, 10_000, 1, TimeInForce.Ioc);
        Assert.Equal(10_000, d.Exchange.MarkPrice.Ticks); // nothing priced it before: the first price is published at once

        d.Limit(Maker, Side.Sell, 9_500, 1);
        var fill = d.Limit(Buyer, Side.Buy, 9_500, 1, TimeInForce.Ioc);
        Assert.Contains(fill, e => e.Type == ExchangeEventType.Trade);
        Assert.DoesNotContain(fill, e => e.Type == ExchangeEventType.MarkPrice);
        Assert.Equal(10_000, d.Exchange.MarkPrice.Ticks);

        var published = d.Advance(1m);
        Assert.Equal(9_500, Assert.Single(published, e => e.Type == ExchangeEventType.MarkPrice).MarkPrice.Ticks);
    }

    [Fact]
    public void A_one_sided_or_empty_book_never_sets_the_index_anchored_mark()
    {
        var gen =
            from index in Gen.Choose(1_000, 1_000_000)
            from side in Gen.Choose(1, 1_000_000)
            from last in Gen.Choose(0, 1_000_000)
            from bidSide in Gen.Elements(true, false)
            from basis in Gen.Choose(-1_000_000, 1_000_000)
            select (index, side, last, bidSide, basis);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var oneSided = Calculator();
            var empty = Calculator();
            long withSide = oneSided.Compute(c.bidSide ? c.side : 0, c.bidSide ? 0 : c.side, c.last, c.index, c.basis);
            long without = empty.Compute(0, 0, 0, c.index, c.basis);
            return withSide == without;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_index_anchored_mark_stays_within_its_band_around_the_index()
    {
        var gen =
            from index in Gen.Choose(1_000, 1_000_000)
            from bid in Gen.Choose(1, 2_000_000)
            from spread in Gen.Choose(1, 100_000)
            from last in Gen.Choose(0, 2_000_000)
            from basis in Gen.Choose(-10_000_000, 10_000_000)
            select (index, bid, spread, last, basis);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            long mark = Calculator().Compute(c.bid, c.bid + c.spread, c.last, c.index, c.basis);
            long band = FixedPoint.RateFloor(c.index, Ticks(0.05m));
            return mark >= c.index - band && mark <= c.index + band;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_index_anchored_mark_is_the_median_of_fair_price_averaged_basis_and_book()
    {
        var calculator = Calculator();
        calculator.Advance(0, 10_100, 10_110, 10_105, 10_000); // the basis EMA starts at mid − index = +105
        // fair = index × (1 + 0.1%) = 10,010; averaged = 10,105; book = median(10,050, 10,060, 10,200) = 10,060.
        Assert.Equal(10_060, calculator.Compute(10_050, 10_060, 10_200, 10_000, Ticks(0.001m)));
    }

    [Fact]
    public void The_pacer_allows_at_most_its_quota_in_each_aligned_window()
    {
        var gen =
            from quota in Gen.Choose(1, 5)
            from window in Gen.Choose(1, 1_000)
            from steps in Gen.ListOf(Gen.Choose(0, 700))
            select (quota, window, steps);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var pacer = new LiquidationPacer(c.window, c.quota);
            var taken = new Dictionary<long, int>();
            long now = 0;
            foreach (int step in c.steps)
            {
                now += step;
                long start = now / c.window;
                taken.TryGetValue(start, out int n);
                bool expected = n < c.quota; // the reference: a counter per window
                if (pacer.TryTake(now) != expected)
                {
                    return false;
                }

                taken[start] = expected ? n + 1 : n;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Breached_accounts_wait_in_the_queue_and_are_worked_at_the_engines_pace()
    {
        var engine = new LiquidationEngineOptions { MaxPerInterval = 2, IntervalSeconds = 1m };
        var d = Crowd(5, engine, MarkPriceMethod.External);
        var first = d.Mark(9_040); // all five breached at once
        Assert.Equal(2, first.Count(e => e.Type == ExchangeEventType.LiquidationTriggered));
        Assert.Equal(2, d.Advance(1m).Count(e => e.Type == ExchangeEventType.LiquidationTriggered));
        Assert.Equal(1, d.Advance(1m).Count(e => e.Type == ExchangeEventType.LiquidationTriggered));
        d.AssertConserved();
    }

    [Fact]
    public void A_processing_delay_holds_each_breach_before_its_liquidation_starts()
    {
        var engine = new LiquidationEngineOptions { MaxPerInterval = 0, ProcessingDelaySeconds = 0.5m };
        var d = Crowd(1, engine, MarkPriceMethod.External);
        Assert.DoesNotContain(d.Mark(9_040), e => e.Type == ExchangeEventType.LiquidationTriggered);
        Assert.DoesNotContain(d.Advance(0.4m), e => e.Type == ExchangeEventType.LiquidationTriggered);
        Assert.Single(d.Advance(0.1m), e => e.Type == ExchangeEventType.LiquidationTriggered);
    }

    [Fact]
    public void A_publications_breaches_have_as_parent_the_liquidation_whose_fills_moved_the_price()
    {
        // Trader 2 (long 10 at $100 with $100) is breached at ≤ $90.45, trader 3 (long 9 with $100) at ≤ $89.34. A
        // trade at $90.40 breaches 2 at the next publication; 2's market order sells into the $89 bid, and the
        // publication after that breaches 3 — whose parent is 2's liquidation, not the market.
        var options = Instruments.Simple() with
        {
            Mark = new MarkPriceOptions { Method = MarkPriceMethod.LastTrade, PublishIntervalSeconds = 1m },
            LiquidationEngine = new LiquidationEngineOptions { MaxPerInterval = 0, OrderPricing = LiquidationOrderPricing.Market },
            Liquidation = new FullCloseOptions(),
        };
        var d = new Driver(options);
        d.Deposit(Maker, 1_000_000m);
        d.Deposit(2, 100m);
        d.Deposit(3, 100m);
        d.Deposit(4, 100_000m);
        d.Limit(Maker, Side.Sell, 10_000, 19);
        d.Limit(2, Side.Buy, 10_000, 10, TimeInForce.Ioc);
        d.Limit(3, Side.Buy, 10_000, 9, TimeInForce.Ioc);
        d.Limit(Maker, Side.Buy, 8_900, 100);
        d.Limit(Maker, Side.Buy, 9_300, 1);
        d.Limit(4, Side.Sell, 9_300, 1, TimeInForce.Ioc); // last trade $93: neither is breached
        Assert.DoesNotContain(d.Advance(1m), e => e.Type == ExchangeEventType.LiquidationTriggered);
        d.Limit(Maker, Side.Buy, 9_040, 1);
        d.Limit(4, Side.Sell, 9_040, 1, TimeInForce.Ioc); // last trade $90.40
        var wave1 = d.Advance(1m).Where(e => e.Type == ExchangeEventType.LiquidationTriggered).ToList();
        var root = Assert.Single(wave1);
        Assert.Equal(2, root.Engine.AccountId);
        Assert.Equal(0, root.ParentLiquidationId);

        var wave2 = d.Advance(1m).Where(e => e.Type == ExchangeEventType.LiquidationTriggered).ToList();
        var child = Assert.Single(wave2);
        Assert.Equal(3, child.Engine.AccountId);
        Assert.Equal(root.LiquidationId, child.ParentLiquidationId);
        d.AssertConserved();
    }

    private static MarkPriceCalculator Calculator() =>
        new(MarkPriceMethod.IndexAnchored, 150_000_000_000, 1, 10_000_000, FixedPoint.ToRate(0.05m));

    /// <summary><paramref name="count"/> traders each long 10 at $100.00 with $100 (bankrupt at $90, breached at ≤ $90.45).</summary>
    private static Driver Crowd(int count, LiquidationEngineOptions engine, MarkPriceMethod mark)
    {
        var d = new Driver(Instruments.Simple() with
        {
            MaxAccounts = 64,
            Mark = new MarkPriceOptions { Method = mark },
            LiquidationEngine = engine,
            Liquidation = new FullCloseOptions(),
        });
        d.Deposit(d.Exchange.InsuranceFundAccountId, 1_000m);
        d.Deposit(Maker, 1_000_000m);
        d.Mark(10_000);
        for (int i = 0; i < count; i++)
        {
            long trader = 10 + i;
            d.Deposit(trader, 100m);
            d.Limit(Maker, Side.Sell, 10_000, 10);
            d.Limit(trader, Side.Buy, 10_000, 10, TimeInForce.Ioc);
        }

        d.Limit(Maker, Side.Buy, 9_000, 10 * count);
        return d;
    }
}
