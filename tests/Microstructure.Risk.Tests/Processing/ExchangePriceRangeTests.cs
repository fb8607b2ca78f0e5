using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Processing;
using Microstructure.Risk.Tests.TestSupport;

namespace Microstructure.Risk.Tests.Processing;

/// <summary>Issue 12 §2: fine ticks on high price caps (10^12 ticks) work end to end; what cannot fit 64-bit cash is refused by name.</summary>
public class ExchangePriceRangeTests
{
    private const long Maker = 1;
    private const long Trader = 2;

    [Fact]
    public void A_0_00001_tick_under_a_10M_cap_trades_margins_and_liquidates_at_the_exact_tick()
    {
        // 10^12 ticks; $100.00 is 10,000,000 ticks. Long 10 lots at $100 with $100 of margin: breached at mark ≤
        // 900 / (10 × 0.995) = $90.4522613…, i.e. 9,045,226 ticks (the cent instrument rounds it to $90.45).
        var spec = new InstrumentSpec("FINE", 0.00001m, 1m, new Price(1), new Price(1_000_000_000_000), new Quantity(1_000_000));
        var d = new Driver(Instruments.Simple() with { Instrument = spec, Liquidation = new FullCloseOptions() });
        d.Deposit(d.Exchange.InsuranceFundAccountId, 1_000m);
        d.Deposit(Maker, 100_000m);
        d.Deposit(Trader, 100m);
        d.Mark(10_000_000);
        d.Limit(Maker, Side.Sell, 10_000_000, 10);
        Assert.DoesNotContain(d.Limit(Maker, Side.Buy, 1, 1), e => e.Type == ExchangeEventType.RiskRejected); // 10^7 ticks below
        Assert.DoesNotContain(d.Limit(Trader, Side.Buy, 10_000_000, 10, TimeInForce.Ioc), e => e.Type == ExchangeEventType.RiskRejected);
        Assert.Equal(10, d.Account(Trader).Lots);
        Assert.Equal(Driver.Usd(-900m), d.Account(Trader).MarginCash);
        Assert.Equal(new Price(9_045_226), d.Account(Trader).LiquidationPrice);
        Assert.Equal(new Price(9_000_000), d.Account(Trader).BankruptcyPrice);

        d.Limit(Maker, Side.Buy, 9_000_000, 5);
        d.Limit(Maker, Side.Buy, 8_900_000, 5);
        Assert.DoesNotContain(d.Mark(9_045_227), e => e.Type == ExchangeEventType.LiquidationTriggered);
        var triggered = Assert.Single(d.Mark(9_045_226), e => e.Type == ExchangeEventType.LiquidationTriggered);
        Assert.Equal(9_000_000, triggered.BankruptcyPrice.Ticks);
        Assert.Equal(0, d.Account(Trader).Lots);
        d.AssertConserved();
    }

    [Fact]
    public void A_lot_at_the_highest_price_too_large_for_64_bit_cash_is_refused_naming_the_instrument()
    {
        // 2^40 ticks × 10^12 cash per tick-lot: the product overflowed a long and came out as a small wrong cap.
        var spec = new InstrumentSpec("HUGE", 10_000m, 1m, new Price(1), new Price(1L << 40), new Quantity(1_000));
        var error = Assert.Throws<RiskConfigurationException>(() => new Exchange(Instruments.Simple() with { Instrument = spec }));
        Assert.Equal("instrument", error.Path);
        Assert.Contains("one lot at the highest price is worth 1.1E+16 quote, more than 64-bit cash holds per position", error.Problem, StringComparison.Ordinal);
        Assert.Contains("lower maxPrice or lotSize", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_order_larger_than_the_position_cap_is_refused_by_the_risk_layer_not_passed_to_the_engine()
    {
        // The cap keeps a position's value at the highest price inside 64-bit cash: 2.3 × 10^18 / (10^6 ticks × 10^6
        // cash per tick-lot) = 2,305,843 lots. The engine accepts up to 10^9; an order between the two skipped the
        // margin check and could fill into a position whose value at the cap overflows a long.
        var spec = Instruments.Cents with { MaxQuantity = new Quantity(1_000_000_000) };
        var d = new Driver(Instruments.Simple() with { Instrument = spec });
        d.Deposit(Maker, 1_000_000_000m);
        d.Deposit(Trader, 100m);
        d.Mark(10_000);

        var sell = d.Limit(Maker, Side.Sell, 10_000, 3_000_000);
        var buy = d.Limit(Trader, Side.Buy, 10_000, 3_000_000, TimeInForce.Ioc);

        Assert.Equal(RiskRejectReason.PositionLimit, Assert.Single(sell, e => e.Type == ExchangeEventType.RiskRejected).RiskReason);
        Assert.Equal(RiskRejectReason.PositionLimit, Assert.Single(buy, e => e.Type == ExchangeEventType.RiskRejected).RiskReason);
        Assert.Equal((0L, 0L), (d.Account(Maker).Lots, d.Account(Trader).Lots));
        d.AssertConserved();
    }
}
