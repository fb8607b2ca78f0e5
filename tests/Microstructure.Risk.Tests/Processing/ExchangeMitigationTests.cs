using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Tests.TestSupport;
using static Microstructure.Risk.Tests.TestSupport.LongPositionScenario;

namespace Microstructure.Risk.Tests.Processing;

public class ExchangeMitigationTests
{
    [Fact]
    public void Circuit_breaker_halts_at_the_soft_limit_defers_liquidations_and_resumes_with_a_wider_band()
    {
        var d = Create(new FullCloseOptions(), tweak: o => o with { Mitigations = [new CircuitBreakerOptions()] });
        d.Send(ExchangeCommand.ForPrice(ExchangeCommandType.SetReferencePrice, 10_000, d.Time));
        d.Limit(Maker, Side.Buy, 9_000, 10);

        var halt = d.Mark(9_300); // −7% from the reference: soft limit reached
        Assert.Single(halt, e => e.Type == ExchangeEventType.TradingHalted);
        Assert.True(d.Exchange.IsHalted);
        Assert.Equal(RiskRejectReason.TradingHalted, Assert.Single(d.Limit(Short, Side.Buy, 9_300, 1)).RiskReason);

        var breached = d.Mark(9_040);
        Assert.Single(breached, e => e.Type == ExchangeEventType.LiquidationDeferred && e.Engine.AccountId == Trader);
        Assert.DoesNotContain(breached, e => e.Type == ExchangeEventType.Trade);

        var resumed = d.Advance(120m);
        Assert.Equal(FixedPoint.ToRate(0.13m), Assert.Single(resumed, e => e.Type == ExchangeEventType.TradingResumed).Rate);
        Assert.Contains(resumed, e => e.Type == ExchangeEventType.LiquidationTriggered && e.Engine.AccountId == Trader);
        Assert.Equal(0, d.Account(Trader).Lots);
        d.AssertConserved();
    }

    [Fact]
    public void Price_band_turns_a_market_order_into_an_ioc_at_the_band_edge_and_refuses_limits_beyond_it()
    {
        var d = Create(new FullCloseOptions(), tweak: o => o with { Mitigations = [new PriceBandOptions { Band = 0.05m }] });
        d.Deposit(Short, 10_000m);
        d.Limit(Maker, Side.Buy, 9_500, 2);
        d.Limit(Maker, Side.Buy, 9_000, 2);
        var sold = d.Market(Short, Side.Sell, 4);
        var accepted = Assert.Single(sold, e => e.Type == ExchangeEventType.Accepted);
        Assert.Equal(9_500, accepted.Engine.Price.Ticks);
        Assert.Equal([9_500L], sold.Where(e => e.Type == ExchangeEventType.Trade).Select(e => e.Engine.Price.Ticks));
        Assert.Equal(RiskRejectReason.PriceOutsideBand, Assert.Single(d.Limit(Short, Side.Sell, 9_400, 1)).RiskReason);
    }

    [Fact]
    public void Liquidation_orders_stop_at_the_band_edge()
    {
        var d = Create(new FullCloseOptions(), tweak: o => o with { Mitigations = [new PriceBandOptions { Band = 0.01m }] });
        TwoBids(d); // 5 at 90.00, 5 at 89.00; band at a 90.40 mark reaches down to 89.50
        var events = d.Mark(9_040);
        Assert.Equal(8_950, Assert.Single(events, e => e.Type == ExchangeEventType.LiquidationOrder).Engine.Price.Ticks);
        Assert.Equal(5, events.Where(e => e.Type == ExchangeEventType.Trade).Sum(e => e.Engine.Quantity.Lots));
        Assert.Single(events, e => e.Type == ExchangeEventType.AutoDeleverage); // the rest, per full-close's default
        d.AssertConserved();
    }

    [Fact]
    public void Dynamic_margin_raises_maintenance_with_realised_volatility_and_re_keys_positions()
    {
        var dynamic = new DynamicMarginOptions { UpdateIntervalSeconds = 1m, BaselineVolatility = 0.001m, MaxMultiplier = 1.9m, Step = 0.1m };
        var d = Create(new FullCloseOptions(), tweak: o => o with { Mitigations = [dynamic] });
        long before = d.Account(Trader).LiquidationPrice.Ticks;
        d.Advance(1m);
        d.Mark(9_700);
        var changed = d.Advance(1m); // a 3% move in one interval: √(0.06 × 0.03²) ≈ 0.73% ≫ 0.1% baseline
        var multiplier = Assert.Single(changed, e => e.Type == ExchangeEventType.MarginMultiplier);
        Assert.Equal(FixedPoint.ToRate(1.9m), multiplier.Rate);
        Assert.Equal(FixedPoint.ToRate(1.9m), d.Exchange.MarginMultiplier);
        Assert.True(d.Account(Trader).LiquidationPrice.Ticks > before);
        Assert.Equal(Driver.Usd(0.005m * 9_700m / 100m * 10m * 1.9m), d.Account(Trader).MaintenanceMargin);
    }

    [Fact]
    public void Dynamic_margin_that_could_push_maintenance_to_100_percent_is_refused()
    {
        var options = Instruments.Simple() with
        {
            Brackets = BracketTable.BinanceBtcUsdt2021,
            Mitigations = [new DynamicMarginOptions { MaxMultiplier = 2m }],
        };
        var error = Assert.Throws<RiskConfigurationException>(() => new Microstructure.Risk.Processing.Exchange(options));
        Assert.Equal("mitigations[0].maxMultiplier", error.Path);
    }
}

public class ExchangePredictiveMarginTests
{
    /// <summary>A one-leaf model: the same probability whatever the market (1 / (1 + e^(−leaf))).</summary>
    private static PredictiveMarginOptions Constant(double leaf, decimal factor = 1.5m) =>
        new PredictiveMarginOptions { Model = "constant", MarginFactor = factor, CoolDownSeconds = 0m } with
        {
            Ensemble = Microstructure.Risk.Warning.CascadeEnsemble.Create([new(1, [], [], [], [], [leaf])], 0, -1, 0),
        };

    [Fact]
    public void A_warning_raises_initial_and_maintenance_margin_when_the_clock_next_moves()
    {
        var d = Create(new FullCloseOptions(), tweak: o => o with { Mitigations = [Constant(20)] });
        long before = d.Account(Trader).LiquidationPrice.Ticks;
        long maintenance = d.Account(Trader).MaintenanceMargin;
        var changed = d.Advance(1m); // the setup's commands were scored (p ≈ 1); the change lands when the clock moves
        var e = Assert.Single(changed, e => e.Type == ExchangeEventType.MarginMultiplier);
        Assert.Equal(FixedPoint.ToRate(1.5m), e.Rate);
        Assert.Equal(FixedPoint.ToRate(1.5m), e.Amount); // the initial-margin multiplier
        Assert.Equal(FixedPoint.ToRate(1.5m), d.Exchange.MarginMultiplier);
        Assert.Equal(FixedPoint.RateCeil(maintenance, FixedPoint.ToRate(1.5m)), d.Account(Trader).MaintenanceMargin);
        Assert.True(d.Account(Trader).LiquidationPrice.Ticks > before);
        d.AssertConserved();
    }

    /// <summary>
    /// A model that warns while the mark has fallen more than 1% over 10 s (a missing return — the first 10 s — is quiet):
    /// node 0 sends a missing value to a quiet leaf, node 1 warns at a return ≤ −1%.
    /// </summary>
    private static PredictiveMarginOptions OnFalls()
    {
        int ret = Array.IndexOf(Microstructure.Risk.Warning.CascadeFeatures.Names, "mark_return_10s");
        return new PredictiveMarginOptions { Model = "falls", CoolDownSeconds = 0m } with
        {
            Ensemble = Microstructure.Risk.Warning.CascadeEnsemble.Create([new(1, [ret, ret], [-1e29f, -0.01f], [~0, ~1], [1, ~2], [-20, 20, -20])], 0, -1, 0),
        };
    }

    [Fact]
    public void Raised_initial_margin_refuses_an_order_it_allowed_and_lowering_restores_it()
    {
        var d = Create(new FullCloseOptions(), tweak: o => o with { Mitigations = [OnFalls()] });
        d.Deposit(Short, 100m); // 10 lots at $98 need $98 at 10×, $147 raised
        for (int i = 0; i < 11; i++)
        {
            Assert.DoesNotContain(d.Advance(1m), e => e.Type == ExchangeEventType.MarginMultiplier);
        }

        d.Mark(9_800); // −2%
        var raised = d.Advance(1m).Concat(d.Advance(1m)).ToList();
        Assert.Equal(FixedPoint.ToRate(1.5m), Assert.Single(raised, e => e.Type == ExchangeEventType.MarginMultiplier).Rate);
        Assert.Equal(RiskRejectReason.InsufficientMargin, Assert.Single(d.Limit(Short, Side.Buy, 9_800, 10)).RiskReason);

        var lowered = new List<ExchangeEvent>();
        for (int i = 0; i < 12; i++)
        {
            lowered.AddRange(d.Advance(1m)); // the 10 s return goes back to 0
        }

        Assert.Equal(FixedPoint.RateScale, Assert.Single(lowered, e => e.Type == ExchangeEventType.MarginMultiplier).Rate);
        Assert.Equal(FixedPoint.RateScale, d.Exchange.MarginMultiplier);
        Assert.DoesNotContain(d.Limit(Short, Side.Buy, 9_800, 10), e => e.Type == ExchangeEventType.RiskRejected);
        Assert.Equal(1, d.Exchange.PredictiveMarginRaises);
        d.AssertConserved();
    }

    [Fact]
    public void A_quiet_model_never_touches_the_margins()
    {
        var d = Create(new FullCloseOptions(), tweak: o => o with { Mitigations = [Constant(-20)] });
        for (int i = 0; i < 5; i++)
        {
            Assert.DoesNotContain(d.Advance(1m), e => e.Type == ExchangeEventType.MarginMultiplier);
        }

        Assert.Equal(FixedPoint.RateScale, d.Exchange.MarginMultiplier);
        Assert.True(d.Exchange.PredictiveMargin!.Scored >= 5, $"scored {d.Exchange.PredictiveMargin.Scored} snapshots");
    }

    [Fact]
    public void A_factor_that_with_dynamic_margin_could_push_maintenance_to_100_percent_is_refused()
    {
        var options = Instruments.Simple() with
        {
            Brackets = BracketTable.BinanceBtcUsdt2021,
            Mitigations = [new DynamicMarginOptions { MaxMultiplier = 1.9m }, Constant(0, factor: 1.5m)],
        };
        var error = Assert.Throws<RiskConfigurationException>(() => new Microstructure.Risk.Processing.Exchange(options));
        Assert.Equal("mitigations[1].marginFactor", error.Path);
    }

    [Fact]
    public void A_missing_model_file_is_an_error_naming_the_field_and_the_file()
    {
        var error = Assert.Throws<RiskConfigurationException>(() =>
            new PredictiveMarginOptions { Model = "no-such-model.ensemble.json" }.WithModelFrom(Path.GetTempPath(), "mitigations[0].options"));
        Assert.Equal("mitigations[0].options.model", error.Path);
        Assert.Contains("no-such-model.ensemble.json", error.Problem, StringComparison.Ordinal);
    }
}
