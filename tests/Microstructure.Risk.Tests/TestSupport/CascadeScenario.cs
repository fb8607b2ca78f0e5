using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Processing;

namespace Microstructure.Risk.Tests.TestSupport;

/// <summary>
/// A crowd of leveraged longs (seeded leverage 5–20×, 50 lots each bought at $100.00), a thin bid ladder (5 lots on
/// every cent from $99.99 down to $50.00), last-trade mark, then a shock: one market sell of 2,000 lots (to about $96).
/// </summary>
internal static class CascadeScenario
{
    public const int Crowd = 200;
    public const long LotsEach = 50;
    public const long Shock = 2_000;
    public const long Provider = 401;
    public const long Seller = 402;
    public const long Shocker = 403;

    public static readonly BracketTable Brackets = new([new(2_000m, 50, 0.01m), new(20_000m, 20, 0.025m), new(1_000_000_000m, 10, 0.05m)]);

    public static Driver Build(LiquidationDesignOptions design, int seed = 1, decimal fund = 5_000m, long lotsPerTick = 5)
    {
        var d = new Driver(new ExchangeOptions
        {
            Instrument = Instruments.Cents,
            MaxAccounts = 512,
            MaxOrders = 1 << 14,
            Brackets = Brackets,
            TakerFeeRate = 0m,
            MakerFeeRate = 0m,
            DefaultLeverage = 20,
            Mark = new MarkPriceOptions { Method = MarkPriceMethod.LastTrade, PublishIntervalSeconds = 0 },
            LiquidationEngine = new Microstructure.Risk.Liquidation.LiquidationEngineOptions { MaxPerInterval = 0 }, // venue pricing (IOC at bankruptcy), no pacing
            Funding = new FundingOptions { Enabled = false },
            Liquidation = design,
        });
        d.Deposit(d.Exchange.InsuranceFundAccountId, fund);
        d.Deposit(d.Exchange.KeeperAccountId, 1_000_000m);
        d.Deposit(Provider, 10_000_000m);
        d.Deposit(Seller, 10_000_000m);
        d.Deposit(Shocker, 10_000_000m);
        foreach (long big in (long[])[Provider, Seller, Shocker])
        {
            d.Leverage(big, 1);
        }

        d.Limit(Seller, Side.Sell, 10_000, Crowd * LotsEach);
        var random = new Random(seed);
        for (int i = 0; i < Crowd; i++)
        {
            int leverage = random.Next(5, 21);
            d.Deposit(i, decimal.Round(100m * LotsEach / leverage, 2) + 0.01m);
            d.Leverage(i, leverage);
            d.Limit(i, Side.Buy, 10_000, LotsEach, TimeInForce.Ioc);
        }

        for (long price = 9_999; price >= 5_000; price--)
        {
            d.Limit(Provider, Side.Buy, price, lotsPerTick);
        }

        return d;
    }

    public static List<ExchangeEvent> Crash(Driver d, long shock = Shock) => d.Market(Shocker, Side.Sell, shock);

    /// <summary>Lots the liquidations took out of the crowd's positions (book fills, takeovers, ADL, auction sales).</summary>
    public static long LiquidatedLots(IEnumerable<ExchangeEvent> events) => events
        .Where(e => (e.Type == ExchangeEventType.Trade && e.LiquidationId != 0 && e.Engine.AccountId < Crowd)
            || (e.Type is ExchangeEventType.Takeover or ExchangeEventType.AuctionTake or ExchangeEventType.AutoDeleverage && e.Engine.AccountId < Crowd))
        .Sum(e => e.Engine.Quantity.Lots);

    /// <summary>Notional the liquidations moved: liquidation-order fills, takeovers, ADL and auction sales, in cash units.</summary>
    public static long LiquidatedNotional(IEnumerable<ExchangeEvent> events, long cashPerTickLot) => events
        .Where(e => (e.Type == ExchangeEventType.Trade && e.LiquidationId != 0 && e.Engine.AccountId < Crowd)
            || (e.Type is ExchangeEventType.Takeover or ExchangeEventType.AuctionTake && e.Engine.AccountId < Crowd)
            || (e.Type == ExchangeEventType.AutoDeleverage && e.Engine.AccountId < Crowd))
        .Sum(e => e.Engine.Quantity.Lots * e.Engine.Price.Ticks * cashPerTickLot);
}
