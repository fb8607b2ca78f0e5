using FsCheck;
using FsCheck.Fluent;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Liquidation.Designs;
using Microstructure.Risk.Tests.TestSupport;
using static Microstructure.Risk.Tests.TestSupport.LongPositionScenario;

namespace Microstructure.Risk.Tests.Liquidation;

public class DutchAuctionDesignTests
{
    private const long Bidder = 4;

    [Fact]
    public void Auction_starts_at_the_oracle_and_steps_down_by_cut_every_step()
    {
        var d = Create(new DutchAuctionOptions { StandingBids = [] });
        var start = d.Mark(9_040);
        var started = Assert.Single(start, e => e.Type == ExchangeEventType.AuctionStarted);
        Assert.Equal(9_040, started.Engine.Price.Ticks);       // 90.40 × buf 1
        Assert.Equal(10, started.Engine.Quantity.Lots);
        var penalty = Assert.Single(start, e => e.Type == ExchangeEventType.InsuranceFund);
        Assert.Equal(FundMovementReason.AuctionPenalty, penalty.FundReason);
        Assert.Equal(Driver.Usd(4m), penalty.Amount);   // 13% × 904 capped by equity 4

        var step = Assert.Single(d.Advance(10m), e => e.Type == ExchangeEventType.AuctionStep);
        Assert.Equal(8_949, step.Engine.Price.Ticks);          // ⌊90.40 × 0.99⌋
        Assert.True(d.Account(Trader).InLiquidation);
        d.AssertConserved();
    }

    [Fact]
    public void A_buffer_under_one_starts_a_sale_under_the_oracle()
    {
        var d = Create(new DutchAuctionOptions { StandingBids = [], StartBuffer = 0.98m });
        var started = Assert.Single(d.Mark(9_040), e => e.Type == ExchangeEventType.AuctionStarted);
        Assert.Equal(8_859, started.Engine.Price.Ticks);       // ⌊90.40 × 0.98⌋
    }

    [Fact]
    public void A_buffer_over_one_is_refused()
    {
        // MakerDAO's 1.2 would start a sold long 20% over the live mark: nobody bids, nothing clears (issue 11).
        var error = Assert.Throws<RiskConfigurationException>(() => LiquidationPolicies.CreateDesign("dutch-auction", System.Text.Json.JsonDocument.Parse("""{ "startBuffer": 1.2 }""").RootElement));
        Assert.Contains("startBuffer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bidder_takes_the_lots_at_the_auction_price_and_the_trader_keeps_the_surplus()
    {
        var d = Create(new DutchAuctionOptions { StandingBids = [], Penalty = 0m });
        d.Deposit(Bidder, 10_000m);
        var started = Assert.Single(d.Mark(9_040), e => e.Type == ExchangeEventType.AuctionStarted);
        var take = d.Send(ExchangeCommand.TakeAuction(Bidder, started.LiquidationId, 10, 9_040, d.Time));
        Assert.Equal(10, Assert.Single(take, e => e.Type == ExchangeEventType.AuctionTake).Engine.Quantity.Lots);
        Assert.Single(take, e => e.Type == ExchangeEventType.AuctionFinished);
        Assert.Equal(10, d.Account(Bidder).Lots);
        Assert.Equal(0, d.Account(Trader).Lots);
        Assert.Equal(Driver.Usd(-900m + 904m), d.Account(Trader).MarginCash);
        Assert.False(d.Account(Trader).InLiquidation);
        d.AssertConserved();
    }

    [Fact]
    public void A_deficit_an_auction_sale_leaves_is_covered_under_that_liquidations_id()
    {
        // The take is an agent's command, outside any liquidation scope: the fund's cover must still name the
        // liquidation (recorders sum fund usage by liquidation).
        var d = Create(new DutchAuctionOptions { StandingBids = [], Penalty = 0m });
        d.Deposit(Bidder, 10_000m);
        var started = Assert.Single(d.Mark(9_040), e => e.Type == ExchangeEventType.AuctionStarted);
        d.Advance(10m); // one step: $90.40 × 0.99 = $89.49, under the trader's $90 bankruptcy price
        var take = d.Send(ExchangeCommand.TakeAuction(Bidder, started.LiquidationId, 10, 9_040, d.Time));
        var cover = Assert.Single(take, e => e.Type == ExchangeEventType.InsuranceFund && e.FundReason == FundMovementReason.DeficitCover);
        Assert.Equal(started.LiquidationId, cover.LiquidationId);
        d.AssertConserved();
    }

    [Fact]
    public void A_bid_below_the_auction_price_is_refused()
    {
        var d = Create(new DutchAuctionOptions { StandingBids = [] });
        d.Deposit(Bidder, 10_000m);
        var started = Assert.Single(d.Mark(9_040), e => e.Type == ExchangeEventType.AuctionStarted);
        var refused = Assert.Single(d.Send(ExchangeCommand.TakeAuction(Bidder, started.LiquidationId, 10, 9_000, d.Time)));
        Assert.Equal(RiskRejectReason.AuctionUnavailable, refused.RiskReason);
    }

    [Fact]
    public void Keepers_take_their_curve_once_the_discount_is_reached_and_sell_on_the_book()
    {
        var d = Create(new DutchAuctionOptions());
        d.Limit(Maker, Side.Buy, 8_900, 100);
        d.Mark(9_040);
        // 2 steps: ⌊⌊90.40 × 0.99⌋ × 0.99⌋ = 88.59, 2.00% under the 90.40 oracle: keepers take 25%.
        var events = d.Advance(20m);
        var take = Assert.Single(events, e => e.Type == ExchangeEventType.AuctionTake);
        Assert.Equal(8_859, take.Engine.Price.Ticks);
        Assert.Equal(d.Exchange.KeeperAccountId, take.CounterpartyAccountId);
        Assert.Equal(2, take.Engine.Quantity.Lots);            // ⌊10 × 25%⌋
        Assert.Contains(events, e => e.Type == ExchangeEventType.LiquidationOrder && e.Engine.AccountId == d.Exchange.KeeperAccountId);
        d.AssertConserved();
    }

    [Fact]
    public void With_keepers_only_the_auction_clears_within_two_minutes()
    {
        var d = Create(new DutchAuctionOptions());
        d.Limit(Maker, Side.Buy, 8_000, 100);
        d.Mark(9_040);
        for (int i = 0; i < 12 && d.Account(Trader).InLiquidation; i++)
        {
            d.Advance(10m);
        }

        // 11 steps: 90.40 × 0.99¹¹ ≈ 80.8, more than 10% under the oracle: the keepers' curve takes the rest.
        Assert.Single(d.All, e => e.Type == ExchangeEventType.AuctionFinished);
        Assert.Equal(0, d.Account(Trader).Lots);
        Assert.False(d.Account(Trader).InLiquidation);
        Assert.Equal(10, d.All.Where(e => e.Type == ExchangeEventType.AuctionTake).Sum(e => e.Engine.Quantity.Lots));
        d.AssertConserved();
    }

    [Fact]
    public void After_the_tail_the_auction_restarts_from_the_current_oracle()
    {
        var d = Create(new DutchAuctionOptions { StandingBids = [], TailSeconds = 300m });
        d.Mark(9_040);
        d.Mark(9_000);
        var reset = Assert.Single(d.Advance(300m), e => e.Type == ExchangeEventType.AuctionReset);
        Assert.Equal(9_000, reset.Engine.Price.Ticks);         // 90.00 × 1
        Assert.True(d.Account(Trader).InLiquidation);
    }

    [Fact]
    public void Past_the_cusp_the_auction_restarts_from_the_current_oracle_and_falls_again()
    {
        var d = Create(new DutchAuctionOptions { StandingBids = [], Cusp = 0.95m });
        d.Mark(9_040);
        var prices = new List<long>();
        for (int i = 0; i < 5; i++)
        {
            prices.AddRange(d.Advance(10m).Where(e => e.Type == ExchangeEventType.AuctionStep).Select(e => e.Engine.Price.Ticks));
        }

        // 5 steps, each ⌊× 0.99⌋; 85.95 is still over cusp × start = 0.95 × 90.40 = 85.88: no reset yet.
        Assert.Equal([8_949, 8_859, 8_770, 8_682, 8_595], prices);
        d.Mark(9_020);
        var sixth = d.Advance(10m);
        // Step 6: ⌊85.95 × 0.99⌋ = 85.09 < 85.88: the auction restarts at the current oracle, 90.20 (not above it).
        Assert.Equal(8_509, Assert.Single(sixth, e => e.Type == ExchangeEventType.AuctionStep).Engine.Price.Ticks);
        var reset = Assert.Single(sixth, e => e.Type == ExchangeEventType.AuctionReset);
        Assert.Equal(9_020, reset.Engine.Price.Ticks);
        var next = Assert.Single(d.Advance(10m), e => e.Type == ExchangeEventType.AuctionStep);
        Assert.Equal(8_929, next.Engine.Price.Ticks);          // ⌊90.20 × 0.99⌋: the step clock restarted too
    }

    [Fact]
    public void The_hole_caps_the_notional_under_auction()
    {
        var d = Create(new DutchAuctionOptions { StandingBids = [], Hole = 500m });
        var started = Assert.Single(d.Mark(9_040), e => e.Type == ExchangeEventType.AuctionStarted);
        Assert.Equal(5, started.Engine.Quantity.Lots);         // ⌊500 / 90.40⌋
    }

    [Fact]
    public void Start_price_is_never_above_the_oracle_for_a_sale_nor_below_it_for_a_buy_back()
    {
        var cases = Gen.Choose(1, int.MaxValue).SelectMany(oracle => Gen.Choose(1, 100_000_000).SelectMany(buf =>
            Gen.Elements(1L, 1_000L, 1_000_000_000L).Select(scale => (oracle: oracle * scale, buf: (long)buf))));
        var property = Prop.ForAll(Arb.From(cases), c =>
        {
            long sale = DutchAuctionDesign.StartPrice(Side.Sell, c.oracle, c.buf);
            long buyBack = DutchAuctionDesign.StartPrice(Side.Buy, c.oracle, c.buf);
            return sale <= c.oracle && sale >= 1 && buyBack >= c.oracle
                && (c.buf != FixedPoint.RateScale || (sale == c.oracle && buyBack == c.oracle));
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(1_000), property);
    }

    [Fact]
    public void On_the_exchange_an_auction_starts_and_restarts_on_the_oracles_side_for_longs_and_shorts()
    {
        // A long breached at a random mark, or a short; a random buffer; a random later oracle for the tail restart.
        var cases = Gen.Elements(true, false).SelectMany(isLong => Gen.Choose(0, 2_000).SelectMany(depth =>
            Gen.Choose(50, 100).SelectMany(buf => Gen.Choose(-500, 500).Select(move => (isLong, depth, buf, move)))));
        var property = Prop.ForAll(Arb.From(cases), c =>
        {
            var d = c.isLong
                ? Create(new DutchAuctionOptions { StandingBids = [], StartBuffer = c.buf / 100m, TailSeconds = 60m })
                : CreateShort(new DutchAuctionOptions { StandingBids = [], StartBuffer = c.buf / 100m, TailSeconds = 60m });
            long mark = c.isLong ? 9_040 - c.depth : 10_955 + c.depth;
            var started = d.Mark(mark).Single(e => e.Type == ExchangeEventType.AuctionStarted);
            long later = mark + c.move;
            d.Mark(later);
            var reset = d.Advance(60m).Single(e => e.Type == ExchangeEventType.AuctionReset);
            return c.isLong
                ? started.Engine.Side == Side.Sell && started.Engine.Price.Ticks <= mark && reset.Engine.Price.Ticks <= later
                : started.Engine.Side == Side.Buy && started.Engine.Price.Ticks >= mark && reset.Engine.Price.Ticks >= later;
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
    }

    [Fact]
    public void Between_restarts_the_price_only_moves_against_the_trader()
    {
        // Any clock (steps of 1–40 s), any cut: a sale's price never rises, a buy-back's never falls, except at a reset.
        var cases = Gen.Elements(true, false).SelectMany(isLong => Gen.Choose(80, 99).SelectMany(cut =>
            Gen.ListOf(Gen.Choose(1, 40)).Select(gaps => (isLong, cut, gaps: gaps.Take(30).ToArray()))));
        var property = Prop.ForAll(Arb.From(cases), c =>
        {
            var options = new DutchAuctionOptions { StandingBids = [], StepFactor = c.cut / 100m, Cusp = 0.01m, TailSeconds = 10_000m };
            var d = c.isLong ? Create(options) : CreateShort(options);
            long oracle = c.isLong ? 9_040 : 10_955;
            var started = d.Mark(oracle).Single(e => e.Type == ExchangeEventType.AuctionStarted);
            long previous = started.Engine.Price.Ticks;
            foreach (int gap in c.gaps)
            {
                foreach (var e in d.Advance(gap))
                {
                    if (e.Type == ExchangeEventType.AuctionReset)
                    {
                        // A restart (a short's price passed 2 − cusp = 1.99× its start) begins a new fall from the oracle.
                        long restart = e.Engine.Price.Ticks;
                        if (c.isLong ? restart > oracle : restart < oracle)
                        {
                            return false;
                        }

                        previous = restart;
                        continue;
                    }

                    if (e.Type == ExchangeEventType.AuctionStep)
                    {
                        long price = e.Engine.Price.Ticks;
                        if (c.isLong ? price > previous : price < previous)
                        {
                            return false;
                        }

                        previous = price;
                    }
                }
            }

            return true;
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
    }

    [Fact]
    public void A_short_is_bought_back_from_the_oracle_upward()
    {
        var d = CreateShort(new DutchAuctionOptions { StandingBids = [] });
        var started = Assert.Single(d.Mark(10_955), e => e.Type == ExchangeEventType.AuctionStarted);
        Assert.Equal(Side.Buy, started.Engine.Side);
        Assert.Equal(10_955, started.Engine.Price.Ticks);
        var step = Assert.Single(d.Advance(10m), e => e.Type == ExchangeEventType.AuctionStep);
        Assert.Equal(11_065, step.Engine.Price.Ticks);         // ⌈109.55 × 1.01⌉
        d.Deposit(Bidder, 10_000m);
        var take = d.Send(ExchangeCommand.TakeAuction(Bidder, started.LiquidationId, 10, 11_065, d.Time));
        Assert.Single(take, e => e.Type == ExchangeEventType.AuctionFinished);
        Assert.Equal(-10, d.Account(Bidder).Lots);
        Assert.Equal(0, d.Account(Trader).Lots);
        d.AssertConserved();
    }

    /// <summary>The mirror of <see cref="LongPositionScenario"/>: the trader short 10 lots at $100.00 with $100 (bankrupt at $110.00).</summary>
    private static Driver CreateShort(LiquidationDesignOptions design)
    {
        var d = new Driver(Instruments.Simple() with { Liquidation = design });
        d.Deposit(d.Exchange.InsuranceFundAccountId, 1_000m);
        d.Deposit(Maker, 100_000m);
        d.Deposit(Trader, 100m);
        d.Mark(10_000);
        d.Limit(Maker, Side.Buy, 10_000, 10);
        d.Limit(Trader, Side.Sell, 10_000, 10, TimeInForce.Ioc);
        Assert.Equal(-10, d.Account(Trader).Lots);
        Assert.False(d.Account(Trader).InLiquidation);
        return d;
    }
}
