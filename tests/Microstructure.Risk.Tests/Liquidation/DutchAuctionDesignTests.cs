using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Tests.TestSupport;
using static Microstructure.Risk.Tests.TestSupport.LongPositionScenario;

namespace Microstructure.Risk.Tests.Liquidation;

public class DutchAuctionDesignTests
{
    private const long Bidder = 4;

    [Fact]
    public void Auction_starts_at_oracle_times_buf_and_steps_down_by_cut_every_step()
    {
        var d = Create(new DutchAuctionOptions { StandingBids = [] });
        var start = d.Mark(9_040);
        var started = Assert.Single(start, e => e.Type == ExchangeEventType.AuctionStarted);
        Assert.Equal(10_848, started.Engine.Price.Ticks);      // 90.40 × 1.2
        Assert.Equal(10, started.Engine.Quantity.Lots);
        var penalty = Assert.Single(start, e => e.Type == ExchangeEventType.InsuranceFund);
        Assert.Equal(FundMovementReason.AuctionPenalty, penalty.FundReason);
        Assert.Equal(Driver.Usd(4m), penalty.Amount);   // 13% × 904 capped by equity 4

        var step = Assert.Single(d.Advance(90m), e => e.Type == ExchangeEventType.AuctionStep);
        Assert.Equal(10_739, step.Engine.Price.Ticks);         // ⌊108.48 × 0.99⌋
        Assert.True(d.Account(Trader).InLiquidation);
        d.AssertConserved();
    }

    [Fact]
    public void A_bidder_takes_the_lots_at_the_auction_price_and_the_trader_keeps_the_surplus()
    {
        var d = Create(new DutchAuctionOptions { StandingBids = [] });
        d.Deposit(Bidder, 10_000m);
        var started = Assert.Single(d.Mark(9_040), e => e.Type == ExchangeEventType.AuctionStarted);
        d.Advance(90m);
        var take = d.Send(ExchangeCommand.TakeAuction(Bidder, started.LiquidationId, 10, 10_739, d.Time));
        Assert.Equal(10, Assert.Single(take, e => e.Type == ExchangeEventType.AuctionTake).Engine.Quantity.Lots);
        Assert.Single(take, e => e.Type == ExchangeEventType.AuctionFinished);
        Assert.Equal(10, d.Account(Bidder).Lots);
        Assert.Equal(0, d.Account(Trader).Lots);
        Assert.Equal(Driver.Usd(-904m + 1_073.90m), d.Account(Trader).MarginCash);
        Assert.False(d.Account(Trader).InLiquidation);
        d.AssertConserved();
    }

    [Fact]
    public void A_bid_below_the_auction_price_is_refused()
    {
        var d = Create(new DutchAuctionOptions { StandingBids = [] });
        d.Deposit(Bidder, 10_000m);
        var started = Assert.Single(d.Mark(9_040), e => e.Type == ExchangeEventType.AuctionStarted);
        var refused = Assert.Single(d.Send(ExchangeCommand.TakeAuction(Bidder, started.LiquidationId, 10, 10_000, d.Time)));
        Assert.Equal(RiskRejectReason.AuctionUnavailable, refused.RiskReason);
    }

    [Fact]
    public void Keepers_take_their_curve_once_the_discount_is_reached_and_sell_on_the_book()
    {
        var d = Create(new DutchAuctionOptions());
        d.Limit(Maker, Side.Buy, 8_800, 100);
        d.Mark(9_040);
        // 21 steps: 108.48 × 0.99²¹ ≈ 87.56, more than 2% under the 90.40 oracle: keepers take 25%.
        var events = d.Advance(21 * 90m);
        var take = Assert.Single(events, e => e.Type == ExchangeEventType.AuctionTake);
        Assert.Equal(d.Exchange.KeeperAccountId, take.CounterpartyAccountId);
        Assert.Equal(2, take.Engine.Quantity.Lots);            // ⌊10 × 25%⌋
        Assert.Contains(events, e => e.Type == ExchangeEventType.LiquidationOrder && e.Engine.AccountId == d.Exchange.KeeperAccountId);
        d.AssertConserved();
    }

    [Fact]
    public void After_the_tail_the_auction_restarts_from_the_current_oracle()
    {
        var d = Create(new DutchAuctionOptions { StandingBids = [], TailSeconds = 300m });
        d.Mark(9_040);
        d.Mark(9_000);
        var reset = Assert.Single(d.Advance(300m), e => e.Type == ExchangeEventType.AuctionReset);
        Assert.Equal(10_800, reset.Engine.Price.Ticks);        // 90.00 × 1.2
    }

    [Fact]
    public void The_hole_caps_the_notional_under_auction()
    {
        var d = Create(new DutchAuctionOptions { StandingBids = [], Hole = 500m });
        var started = Assert.Single(d.Mark(9_040), e => e.Type == ExchangeEventType.AuctionStarted);
        Assert.Equal(5, started.Engine.Quantity.Lots);         // ⌊500 / 90.40⌋
    }
}
