using FsCheck;
using FsCheck.Fluent;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Processing;
using Microstructure.Risk.Tests.TestSupport;
using static Microstructure.Risk.Tests.TestSupport.LongPositionScenario;

namespace Microstructure.Risk.Tests.Liquidation;

/// <summary>
/// A trading account (a market maker) hedging its own position on the hedge venue with the fund's hedge
/// (<see cref="ExchangeOptions.AccountHedges"/>): a hand-computed leg, the equity identity over random index, mark and
/// trade paths, ratio 0 = no hedge, and validation. The maker of <see cref="LongPositionScenario"/> (account 1) sold 10
/// lots at $100.00 and is short 10; one tick ($0.01) on one lot is 10⁶ cash units.
/// </summary>
public class AccountHedgeTests
{
    /// <summary>0.1% fee, linear impact of 10 bp per $1,000: easy numbers by hand.</summary>
    private static readonly HedgeOptions Linear = new() { FeeRate = 0.001m, Impact = HedgeImpactModel.Linear, ImpactBps = 10m, ReferenceNotional = 1_000m };

    private static Driver Maker(HedgeOptions? hedge) =>
        LongPositionScenario.Create(new InsuranceFundOptions { ClearanceFeeRate = 0m }, 100_000m, tweak: o => o with
        {
            LiquidationEngine = new LiquidationEngineOptions { MaxPerInterval = 0 },
            AccountHedges = hedge is null ? [] : [new AccountHedgeOptions(LongPositionScenario.Maker, hedge)],
        });

    private static IEnumerable<ExchangeEvent> Hedges(IEnumerable<ExchangeEvent> events, FundMovementReason reason) =>
        events.Where(e => e.Type == ExchangeEventType.InsuranceFund && e.FundReason == reason);

    [Fact]
    public void A_short_maker_buys_its_hedge_at_the_index_pays_rounded_up_costs_and_is_settled_to_each_new_index()
    {
        var d = Maker(Linear);
        Assert.Equal(0, d.Exchange.HedgeLots(LongPositionScenario.Maker)); // nothing before the first index
        long cash = d.Account(LongPositionScenario.Maker).MarginCash;

        // Short 10: the hedge buys 10 at the index $100.00. Notional $1,000; fee 0.1% = $1; slippage 10 bp × 1000/1000
        // = 10 bp → $1. The maker's own cash pays $2; the fund does not move.
        var trade = Assert.Single(Hedges(d.Index(10_000), FundMovementReason.HedgeCost));
        Assert.Equal(LongPositionScenario.Maker, trade.Engine.AccountId);
        Assert.Equal(Side.Buy, trade.Engine.Side);
        Assert.Equal(10, trade.Engine.Quantity.Lots);
        Assert.Equal(10_000, trade.Engine.Price.Ticks);
        Assert.Equal(10, trade.PositionLots);
        Assert.Equal(100_000, trade.Rate); // 10 bp in rate units (10⁸ = 100%)
        Assert.Equal(-Driver.Usd(2m), trade.Amount);
        Assert.Equal(trade.FundBefore, trade.FundAfter);
        Assert.Equal(10, d.Exchange.HedgeLots(LongPositionScenario.Maker));
        Assert.Equal(cash - Driver.Usd(2m), d.Account(LongPositionScenario.Maker).MarginCash);
        Assert.False(d.Exchange.IsHedging); // the design does not hedge the fund

        // The index falls $1: the hedge (long 10) loses $10, paid out of the maker's cash; its short gains $10 at the mark.
        long equity = d.Account(LongPositionScenario.Maker).Equity;
        var pnl = Assert.Single(Hedges(d.Index(9_900), FundMovementReason.HedgePnl));
        Assert.Equal(-Driver.Usd(10m), pnl.Amount);
        Assert.Equal(9_900, pnl.Engine.Price.Ticks);
        d.Mark(9_900);
        Assert.Equal(equity, d.Account(LongPositionScenario.Maker).Equity);
        d.AssertConserved();
    }

    [Fact]
    public void A_part_hedge_is_rounded_towards_zero_and_follows_the_makers_trades()
    {
        var d = Maker(Linear with { Ratio = 0.33m });
        d.Index(10_000);
        Assert.Equal(3, d.Exchange.HedgeLots(LongPositionScenario.Maker)); // ⌊10 × 0.33⌋ = 3, opposite to the short

        // The maker buys 4 back from a third account: short 6 → hedge ⌊1.98⌋ = 1; it sells 2 on the venue.
        d.Deposit(Short, 100_000m);
        d.Limit(LongPositionScenario.Maker, Side.Buy, 10_000, 4);
        var events = d.Limit(Short, Side.Sell, 10_000, 4, TimeInForce.Ioc);
        Assert.Equal(-6, d.Account(LongPositionScenario.Maker).Lots);
        var sell = Assert.Single(Hedges(events, FundMovementReason.HedgeCost));
        Assert.Equal(Side.Sell, sell.Engine.Side);
        Assert.Equal(2, sell.Engine.Quantity.Lots);
        Assert.Equal(1, d.Exchange.HedgeLots(LongPositionScenario.Maker));
        d.AssertConserved();
    }

    [Fact]
    public void A_ratio_of_zero_gives_exactly_the_events_of_no_hedge()
    {
        var plain = Maker(hedge: null);
        var zero = Maker(new HedgeOptions { Ratio = 0m });
        foreach (var d in new[] { plain, zero })
        {
            d.Index(10_000);
            d.Limit(LongPositionScenario.Maker, Side.Buy, 9_000, 5);
            d.Mark(9_040); // the trader is liquidated into the maker's bid
            d.Index(8_900);
            d.Advance(20m);
        }

        Assert.Equal(plain.All, zero.All);
        Assert.Equal(0, zero.Exchange.HedgeLots(LongPositionScenario.Maker));
    }

    /// <summary>
    /// Over any index path, mark path and trades of the maker, the hedged maker's equity equals the unhedged maker's
    /// (the same trades and liquidations: the hedge venue does not touch the book) plus the hedge's variation minus
    /// its costs; the variation is Σ −(maker lots) × Δindex × k; the hedge is always −(maker lots); the ledger is conserved.
    /// </summary>
    [Fact]
    public void Maker_equity_is_unhedged_equity_plus_hedge_pnl_minus_hedge_costs_on_any_path()
    {
        var step = Gen.OneOf(
            Gen.Choose(-300, 300).Select(dx => (Kind: 0, Value: dx)),       // index move (ticks)
            Gen.Choose(-200, 100).Select(dm => (Kind: 1, Value: dm)),       // mark move (ticks)
            Gen.Choose(-8, 8).Select(q => (Kind: 2, Value: q)),             // the maker trades q lots (buys if > 0)
            Gen.Choose(1, 8).Select(s => (Kind: 3, Value: s)));             // advance (seconds)
        var gen = Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(step, n));
        Prop.ForAll(gen.ToArbitrary(), steps =>
        {
            var plain = Maker(hedge: null);
            var hedged = Maker(Linear);
            long maker = LongPositionScenario.Maker;
            long k = hedged.Exchange.CashPerTickLot;
            long index = 10_000, mark = 10_000, expectedPnl = 0;
            foreach (var d in new[] { plain, hedged })
            {
                d.Deposit(Short, 1_000_000m);
                d.Index(index);
            }

            foreach (var (kind, value) in steps)
            {
                long lots = hedged.Account(maker).Lots;
                foreach (var d in new[] { plain, hedged })
                {
                    switch (kind)
                    {
                        case 0:
                            d.Index(Math.Clamp(index + value, 5_000, 15_000));
                            break;
                        case 1:
                            d.Mark(Math.Clamp(mark + value, 5_000, 15_000));
                            break;
                        case 2 when value != 0:
                            d.Limit(maker, value > 0 ? Side.Buy : Side.Sell, mark, Math.Abs(value));
                            d.Limit(Short, value > 0 ? Side.Sell : Side.Buy, mark, Math.Abs(value), TimeInForce.Ioc);
                            break;
                        case 3:
                            d.Advance(value);
                            break;
                    }
                }

                if (kind == 0)
                {
                    long next = Math.Clamp(index + value, 5_000, 15_000);
                    expectedPnl += -lots * (next - index) * k;
                    index = next;
                }
                else if (kind == 1)
                {
                    mark = Math.Clamp(mark + value, 5_000, 15_000);
                }
            }

            long pnl = Hedges(hedged.All, FundMovementReason.HedgePnl).Sum(e => e.Amount);
            long costs = -Hedges(hedged.All, FundMovementReason.HedgeCost).Sum(e => e.Amount);
            hedged.AssertConserved();
            return pnl == expectedPnl
                && costs >= 0
                && hedged.Account(maker).Lots == plain.Account(maker).Lots
                && hedged.Exchange.HedgeLots(maker) == -hedged.Account(maker).Lots
                && hedged.Account(maker).Equity == plain.Account(maker).Equity + pnl - costs
                && hedged.Exchange.InsuranceFundEquity == plain.Exchange.InsuranceFundEquity;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(1, 1.5, "accountHedges[0].hedge.ratio")]
    [InlineData(1, -0.1, "accountHedges[0].hedge.ratio")]
    [InlineData(63, 1, "accountHedges[0].account")]   // the insurance fund (MaxAccounts − 1)
    [InlineData(64, 1, "accountHedges[0].account")]   // out of range
    [InlineData(-1, 1, "accountHedges[0].account")]
    public void Bad_account_hedges_are_refused_naming_the_field(long account, double ratio, string field)
    {
        var options = Instruments.Simple() with { AccountHedges = [new AccountHedgeOptions(account, new HedgeOptions { Ratio = (decimal)ratio })] };
        var e = Assert.Throws<RiskConfigurationException>(() => new Exchange(options));
        Assert.Equal(field, e.Path);
    }

    [Fact]
    public void An_account_listed_twice_is_refused_naming_the_second()
    {
        var options = Instruments.Simple() with { AccountHedges = [new AccountHedgeOptions(5, new HedgeOptions()), new AccountHedgeOptions(5, new HedgeOptions())] };
        var e = Assert.Throws<RiskConfigurationException>(() => new Exchange(options));
        Assert.Equal("accountHedges[1].account", e.Path);
    }
}
