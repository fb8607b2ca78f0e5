using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Processing;

namespace Microstructure.Risk.Tests.TestSupport;

/// <summary>
/// One trader long 10 lots at $100.00 with $100 of margin (10×): cash −900, bankrupt at $90.00, breached at mark ≤
/// $90.45 (0.5% maintenance on mark notional). The maker (account 1) sold it to them and is short 10. The insurance fund
/// holds <c>fund</c> dollars. No fees, external mark.
/// </summary>
internal static class LongPositionScenario
{
    public const long Maker = 1;
    public const long Trader = 2;
    public const long Short = 3;

    public static Driver Create(LiquidationDesignOptions design, decimal fund = 1_000m, BracketTable? brackets = null, Func<ExchangeOptions, ExchangeOptions>? tweak = null)
    {
        var options = Instruments.Simple() with { Liquidation = design };
        if (brackets is not null)
        {
            options = options with { Brackets = brackets };
        }

        options = tweak?.Invoke(options) ?? options;
        var d = new Driver(options);
        d.Deposit(d.Exchange.InsuranceFundAccountId, fund);
        d.Deposit(Maker, 100_000m);
        d.Deposit(Trader, 100m);
        d.Mark(10_000);
        d.Limit(Maker, Side.Sell, 10_000, 10);
        d.Limit(Trader, Side.Buy, 10_000, 10, TimeInForce.Ioc);
        Assert.Equal(10, d.Account(Trader).Lots);
        Assert.Equal(Driver.Usd(-900m), d.Account(Trader).MarginCash);
        return d;
    }

    /// <summary>Bids of the maker: 5 lots at $90.00 and 5 at $89.00.</summary>
    public static void TwoBids(Driver d)
    {
        d.Limit(Maker, Side.Buy, 9_000, 5);
        d.Limit(Maker, Side.Buy, 8_900, 5);
    }
}
