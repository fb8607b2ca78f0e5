using Microstructure.Runner.Diagnostics;
using Microstructure.Simulation.Running;

namespace Microstructure.Runner.Tests.Diagnostics;

public class MarketQualityProbeTests
{
    [Fact]
    public void A_market_order_is_measured_from_the_mid_before_its_command_to_the_mid_after_all_of_it()
    {
        var probe = new MarketQualityProbe();
        long t = 0;
        void Top(long seq, long bid, long ask) => probe.OnEvent(new ExchangeEvent { Type = ExchangeEventType.TopOfBook, Engine = { CommandSequence = seq, Timestamp = new Timestamp(t), BidPrice = new Price(bid), AskPrice = new Price(ask) } });

        for (long s = 0; s < 200; s++)
        {
            t = s * 1_000_000_000;
            Top(s, 1_000 + (s % 3), 1_010 + (s % 3));
            if (s % 2 == 0)
            {
                // a 5-lot market buy filled in two trades, lifting the ask by two ticks (mid +1 tick)
                probe.OnEvent(new ExchangeEvent { Type = ExchangeEventType.Accepted, Engine = { CommandSequence = s, Timestamp = new Timestamp(t + 1), OrderType = OrderType.Market, Side = Side.Buy, OrderId = new OrderId(s + 1) } });
                probe.OnEvent(new ExchangeEvent { Type = ExchangeEventType.Trade, Engine = { CommandSequence = s, Timestamp = new Timestamp(t + 1), OrderId = new OrderId(s + 1), Quantity = new Quantity(2) } });
                probe.OnEvent(new ExchangeEvent { Type = ExchangeEventType.Trade, Engine = { CommandSequence = s, Timestamp = new Timestamp(t + 1), OrderId = new OrderId(s + 1), Quantity = new Quantity(3) } });
                Top(s, 1_000 + (s % 3), 1_012 + (s % 3));
            }
        }

        var report = probe.Analyze(new RealismOptions { WarmupNs = 10_000_000_000, ImpactWindowNs = 10_000_000_000 });
        Assert.Equal(95, report.MarketOrders); // the even commands after the 10 s warm-up
        var bin = Assert.Single(report.ImpactBins);
        // mid in half-ticks 2,010 + 2x → 2,012 + 2x (x = 0, 1, 2): ln(2,012/2,010) … ln(2,016/2,014)
        Assert.InRange(bin.MeanImpact, Math.Log(2_016.0 / 2_014), Math.Log(2_012.0 / 2_010));
        Assert.Equal(200, report.Trades); // two per order, warm-up included
    }

    [Fact]
    public void The_calm_scenario_has_heavy_tails_clustered_volatility_and_square_root_impact()
    {
        var probe = new MarketQualityProbe();
        using (var run = new SimulationRun(TestScenarios.LoadShipped("calm.json")))
        {
            run.Execute(probe);
        }

        var report = probe.Analyze();
        var facts = report.Facts;
        Assert.InRange(report.HillAlpha, 2, 5); // heavy tails of 1 s returns (Cont 2001: 2–5)
        Assert.True(facts.NoLinearAutocorrelation, "returns should be linearly unpredictable beyond lag 1");
        Assert.True(facts.VolatilityClustering, "|r| autocorrelation should be positive at lags 1–10");
        Assert.True(facts.SlowDecayOfVolatilityAutocorrelation, $"|r| autocorrelation should decay slower than 1/lag; β = {facts.AbsoluteAcfDecayExponent}");
        // Still positive at 50 s, but below lag 1: it decays, slowly (docs/realism.md: 0.36 at lag 1, 0.10 at lag 50).
        Assert.InRange(report.AbsAcf(50), facts.NoiseBand, report.AbsAcf(1));
        Assert.InRange(report.ImpactFit.Exponent, 0.4, 0.6); // square-root impact (Donier & Bonart 2015)
        Assert.True(report.MarketOrders > 50_000);
    }
}
