using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Processing;
using Microstructure.Risk.Tests.TestSupport;
using static Microstructure.Risk.Tests.TestSupport.LongPositionScenario;

namespace Microstructure.Risk.Tests.Liquidation;

/// <summary>
/// Hedging what the fund and the vault take over on the hedge venue (the index): sizes, prices, costs and variation on
/// hand-computed examples, the equity identity over random index paths, and the options' validation. The trader is
/// long 10 at $100.00 with $100 (bankrupt at $90.00); one tick on one lot is 10⁶ cash units.
/// </summary>
public class HedgeTests
{
    /// <summary>0.1% fee, linear impact of 10 bp per $1,000: easy numbers by hand.</summary>
    private static readonly HedgeOptions Linear = new() { FeeRate = 0.001m, Impact = HedgeImpactModel.Linear, ImpactBps = 10m, ReferenceNotional = 1_000m };

    private static ExchangeOptions Venue(ExchangeOptions o) => o with { LiquidationEngine = new LiquidationEngineOptions { MaxPerInterval = 0 } };

    private static Driver Fund(HedgeOptions? hedge, decimal fund = 1_000m)
    {
        var d = LongPositionScenario.Create(new InsuranceFundOptions { ClearanceFeeRate = 0m, Hedge = hedge }, fund, tweak: Venue);
        d.Index(9_040);
        return d;
    }

    private static IEnumerable<ExchangeEvent> Hedges(IEnumerable<ExchangeEvent> events, FundMovementReason reason) =>
        events.Where(e => e.Type == ExchangeEventType.InsuranceFund && e.FundReason == reason);

    [Fact]
    public void The_fund_sells_what_it_took_over_at_the_index_and_pays_fee_and_slippage_rounded_up()
    {
        var d = Fund(Linear);
        TwoBids(d);
        var events = d.Mark(9_040); // 5 filled at $90, the fund takes 5 over at $90
        long fund = d.Exchange.InsuranceFundAccountId;
        Assert.Equal(5, d.Account(fund).Lots);
        Assert.Equal(-5, d.Exchange.HedgeLots(fund));

        // Notional 5 × $90.40 = $452; fee 0.1% = $0.452; slippage rate 10 bp × 452/1000 = 4.52 bp → $0.204304.
        var trade = Assert.Single(Hedges(events, FundMovementReason.HedgeCost));
        Assert.Equal(fund, trade.Engine.AccountId);
        Assert.Equal(Side.Sell, trade.Engine.Side);
        Assert.Equal(5, trade.Engine.Quantity.Lots);
        Assert.Equal(9_040, trade.Engine.Price.Ticks);
        Assert.Equal(-5, trade.PositionLots);
        Assert.Equal(45_200, trade.Rate); // 4.52 bp in rate units (10⁸ = 100%)
        Assert.Equal(-Driver.Usd(0.656304m), trade.Amount);
        Assert.Equal(Driver.Usd(550m - 0.656304m), d.Exchange.InsuranceFund);
        Assert.Equal(trade.FundBefore + trade.Amount, trade.FundAfter);
        d.AssertConserved();
    }

    [Fact]
    public void The_hedge_is_settled_to_each_new_index_and_its_variation_offsets_the_position()
    {
        var d = Fund(Linear);
        TwoBids(d);
        d.Mark(9_040);
        long before = d.Exchange.InsuranceFundEquity;

        // The index falls $1 and the mark with it: the fund's 5 long lose $5, the 5 short on the hedge venue gain $5.
        var pnl = Assert.Single(Hedges(d.Index(8_940), FundMovementReason.HedgePnl));
        Assert.Equal(Driver.Usd(5m), pnl.Amount);
        Assert.Equal(8_940, pnl.Engine.Price.Ticks);
        Assert.Equal(0, pnl.Engine.Quantity.Lots);
        Assert.Empty(Hedges(d.Index(8_940), FundMovementReason.HedgePnl)); // no move, nothing to settle
        d.Mark(8_940);
        Assert.Equal(before, d.Exchange.InsuranceFundEquity);
        d.AssertConserved();
    }

    [Fact]
    public void The_hedge_is_bought_back_as_the_fund_sells_on_the_book()
    {
        var d = Fund(Linear);
        TwoBids(d);
        d.Mark(9_040);
        long fund = d.Exchange.InsuranceFundAccountId;
        d.Advance(6m); // after the 5 s cool-down the fund sells 1 lot at $89
        Assert.Equal(4, d.Account(fund).Lots);
        Assert.Equal(-4, d.Exchange.HedgeLots(fund));
        var buy = Assert.Single(Hedges(d.All, FundMovementReason.HedgeCost), e => e.Engine.Side == Side.Buy);
        Assert.Equal(1, buy.Engine.Quantity.Lots);
        for (int i = 0; i < 10; i++)
        {
            d.Advance(1m);
        }

        Assert.Equal(0, d.Account(fund).Lots);
        Assert.Equal(0, d.Exchange.HedgeLots(fund));
        d.AssertConserved();
    }

    [Fact]
    public void The_vault_hedges_what_it_takes_over_at_a_part_of_its_position_rounded_towards_zero()
    {
        var d = LongPositionScenario.Create(
            new BackstopVaultOptions { UnwindFraction = 0.2m, UnwindIntervalSeconds = 30m, Hedge = Linear with { Ratio = 0.5m } });
        d.Index(9_010);
        d.Limit(Maker, Side.Buy, 9_000, 10);
        d.Mark(9_010); // the vault takes 10 over and sells 2 at once: it holds 8
        long vault = d.Exchange.VaultAccountId;
        Assert.Equal(8, d.Account(vault).Lots);
        Assert.Equal(-4, d.Exchange.HedgeLots(vault));
        Assert.Equal(0, d.Exchange.HedgeLots(d.Exchange.InsuranceFundAccountId));
        var pnl = Assert.Single(Hedges(d.Index(9_110), FundMovementReason.HedgePnl));
        Assert.Equal(vault, pnl.Engine.AccountId);
        Assert.Equal(-Driver.Usd(4m), pnl.Amount); // short 4 while the index rose $1
        Assert.Equal(pnl.FundBefore, pnl.FundAfter); // the fund itself did not move
        d.AssertConserved();
    }

    [Fact]
    public void Without_hedge_options_nothing_is_hedged()
    {
        var d = Fund(hedge: null);
        TwoBids(d);
        d.Mark(9_040);
        d.Index(8_000);
        d.Advance(20m);
        Assert.False(d.Exchange.IsHedging);
        Assert.DoesNotContain(d.All, e => e.FundReason is FundMovementReason.HedgePnl or FundMovementReason.HedgeCost);
    }

    [Fact]
    public void A_ratio_of_zero_gives_exactly_the_events_of_no_hedge()
    {
        var plain = Fund(hedge: null);
        var zero = Fund(new HedgeOptions { Ratio = 0m });
        foreach (var d in new[] { plain, zero })
        {
            TwoBids(d);
            d.Mark(9_040);
            d.Index(8_900);
            d.Advance(20m);
        }

        Assert.True(zero.Exchange.IsHedging);
        Assert.Equal(plain.All, zero.All);
    }

    [Theory]
    [InlineData(1_000_000, 3, 30_000)]       // $1M at the reference: 3 bp
    [InlineData(250_000, 3, 15_000)]         // a quarter of it: √¼ = ½ → 1.5 bp
    [InlineData(2_000_000, 3, 42_429)]       // √2 → ⌈14142.1⌉ / 10⁴ = 1.4143; × 3 bp = 4.2429 bp (exact: 4.24264)
    [InlineData(0, 3, 0)]
    public void Square_root_slippage_is_the_rate_at_the_reference_times_the_root_of_the_size_rounded_up(long quote, int bps, long expectedRate)
    {
        var settings = new HedgeOptions { ImpactBps = bps }.ToSettings("hedge");
        Assert.Equal(expectedRate, settings.SlippageRate(quote * FixedPoint.CashScale));
    }

    /// <summary>
    /// Conservation: over any index path, mark path and unwind timing, the hedged fund's equity equals the unhedged
    /// fund's (the same liquidations and unwinds: the hedge venue does not touch the book) plus the hedge's variation
    /// minus its costs; the variation is Σ −(fund lots) × Δindex × k over the path; the ledger stays conserved.
    /// </summary>
    [Fact]
    public void Fund_equity_change_is_liquidation_pnl_plus_hedge_pnl_minus_hedge_costs_on_any_path()
    {
        var step = Gen.OneOf(
            Gen.Choose(-300, 300).Select(dx => (Kind: 0, Value: dx)),       // index move (ticks)
            Gen.Choose(-200, 100).Select(dm => (Kind: 1, Value: dm)),       // mark move (ticks)
            Gen.Choose(1, 8).Select(s => (Kind: 2, Value: s)));             // advance (seconds): unwinds
        var gen =
            from bidLots in Gen.Choose(0, 10)
            from count in Gen.Choose(0, 40)
            from steps in Gen.ArrayOf(step, count)
            select (bidLots, steps);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var plain = Fund(hedge: null, fund: 100_000m);
            var hedged = Fund(Linear, fund: 100_000m);
            long fund = hedged.Exchange.InsuranceFundAccountId;
            long k = hedged.Exchange.CashPerTickLot;
            long index = 9_040, mark = 9_040, expectedPnl = 0;
            foreach (var d in new[] { plain, hedged })
            {
                d.Limit(Maker, Side.Buy, 9_000, c.bidLots);
                d.Limit(Maker, Side.Buy, 8_500, 20);
                d.Mark(mark);
            }

            foreach (var (kind, value) in c.steps)
            {
                long lots = hedged.Account(fund).Lots;
                switch (kind)
                {
                    case 0:
                        long next = Math.Clamp(index + value, 5_000, 12_000);
                        expectedPnl += -lots * (next - index) * k;
                        index = next;
                        plain.Index(index);
                        hedged.Index(index);
                        break;
                    case 1:
                        mark = Math.Clamp(mark + value, 5_000, 12_000);
                        plain.Mark(mark);
                        hedged.Mark(mark);
                        break;
                    default:
                        plain.Advance(value);
                        hedged.Advance(value);
                        break;
                }
            }

            long pnl = Hedges(hedged.All, FundMovementReason.HedgePnl).Sum(e => e.Amount);
            long costs = -Hedges(hedged.All, FundMovementReason.HedgeCost).Sum(e => e.Amount);
            hedged.AssertConserved();
            return pnl == expectedPnl
                && costs >= 0
                && hedged.Exchange.InsuranceFundEquity == plain.Exchange.InsuranceFundEquity + pnl - costs
                && hedged.Exchange.HedgeLots(fund) == -hedged.Account(fund).Lots
                && hedged.Account(fund).Lots == plain.Account(fund).Lots;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("""{"hedge":{"ratio":1.5}}""", "liquidation.options.hedge.ratio")]
    [InlineData("""{"hedge":{"feeRate":-0.001}}""", "liquidation.options.hedge.feeRate")]
    [InlineData("""{"hedge":{"impactBps":1000}}""", "liquidation.options.hedge.impactBps")]
    [InlineData("""{"hedge":{"referenceNotional":0}}""", "liquidation.options.hedge.referenceNotional")]
    [InlineData("""{"hedge":{"impact":"cubic"}}""", "liquidation.options.hedge.impact")]
    [InlineData("""{"hedge":{"ratoi":1}}""", "liquidation.options.hedge.ratoi")]
    public void Bad_hedge_options_are_refused_naming_the_field(string json, string field)
    {
        var e = Assert.Throws<RiskConfigurationException>(() => LiquidationPolicies.CreateDesign("insurance-fund", JsonDocument.Parse(json).RootElement));
        Assert.Equal(field, e.Path);
    }

    [Theory]
    [InlineData("full-close")]
    [InlineData("adl")]
    [InlineData("dutch-auction")]
    public void Designs_that_take_nothing_over_refuse_a_hedge(string design)
    {
        var e = Assert.Throws<RiskConfigurationException>(() => LiquidationPolicies.CreateDesign(design, JsonDocument.Parse("""{"hedge":{}}""").RootElement));
        Assert.Equal("liquidation.options.hedge", e.Path);
    }

    [Theory]
    [InlineData("insurance-fund")]
    [InlineData("tiered-partial")]
    [InlineData("time-sliced")]
    [InlineData("backstop-vault")]
    public void Designs_that_take_over_accept_a_hedge_with_its_defaults(string design)
    {
        var options = LiquidationPolicies.CreateDesign(design, JsonDocument.Parse("""{"hedge":{}}""").RootElement);
        Assert.Equal(new HedgeOptions(), options.Hedge);
        Assert.True(new Exchange(new ExchangeOptions { Liquidation = options, MaxAccounts = 16, MaxOrders = 16 }).IsHedging);
    }
}
