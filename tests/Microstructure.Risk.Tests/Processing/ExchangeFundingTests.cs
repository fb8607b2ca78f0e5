using Microstructure.Risk.Pricing;
using Microstructure.Risk.Tests.TestSupport;

namespace Microstructure.Risk.Tests.Processing;

public class ExchangeFundingTests
{
    [Fact]
    public void At_each_interval_longs_pay_shorts_rate_times_notional_rounded_against_both_with_the_remainder_to_the_fund()
    {
        var d = new Driver(Instruments.Simple() with { Funding = new FundingOptions { IntervalSeconds = 60m } });
        d.Time = 0;
        d.Deposit(1, 1_000m);
        d.Deposit(2, 1_000m);
        d.Deposit(3, 1_000m);
        d.Index(10_000);
        d.Mark(10_001); // premium 0.01%: F = 0.01% (the clamp pulls it to the interest rate)
        d.Limit(1, Side.Sell, 10_000, 3);
        d.Limit(2, Side.Buy, 10_000, 2, TimeInForce.Ioc);
        d.Limit(3, Side.Buy, 10_000, 1, TimeInForce.Ioc);
        var events = d.Advance(60m);

        var settled = Assert.Single(events, e => e.Type == ExchangeEventType.FundingSettled);
        Assert.Equal(FixedPoint.ToRate(0.0001m), settled.Rate);
        var payments = events.Where(e => e.Type == ExchangeEventType.FundingPayment).ToDictionary(e => e.Engine.AccountId, e => e.Amount);
        Assert.Equal(Driver.Usd(0.030003m), payments[1]);                 // short 3 × 100.01 × 0.01%
        Assert.Equal(-Driver.Usd(0.020002m), payments[2]);
        Assert.Equal(-Driver.Usd(0.010001m), payments[3]);
        Assert.Equal(0, settled.Amount);
        d.AssertConserved();
    }
}
