using Microstructure.Analysis.Recording;
using Microstructure.Engine;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Processing;

namespace Microstructure.Analysis.Tests.Recording.TestSupport;

/// <summary>
/// A crowd of leveraged longs (seeded leverage 5–20×, 20 lots each bought at $100.00), a thin bid ladder (3 lots on
/// every cent from $99.99 down to $60.00), a far ask, last-trade mark, optional fees, L2 snapshots every second, then a
/// market sell shock at 5 s and new bids at 15 s; the run ends at 30 s. Big enough for every liquidation path of a
/// design (book orders, takeovers, ADL, deficits), small enough for a unit test.
/// </summary>
internal static class CrowdCascade
{
    public const int Crowd = 60;
    public const long LotsEach = 20;
    public const long Provider = 101;
    public const long Seller = 102;
    public const long Shocker = 103;
    public const long ShockLots = 1_500;
    public const long EndNs = 30_000_000_000;

    public static ExchangeScript Run(LiquidationDesignOptions design, int seed = 1, decimal takerFee = 0m, decimal makerFee = 0m, decimal fund = 2_000m, bool isolatedEveryThird = false)
    {
        var s = new ExchangeScript(new ExchangeOptions
        {
            Instrument = SmallCascade.Cents,
            MaxAccounts = 128,
            MaxOrders = 1 << 14,
            Brackets = new BracketTable([new(2_000m, 50, 0.01m), new(20_000m, 20, 0.025m), new(1_000_000_000m, 10, 0.05m)]),
            TakerFeeRate = takerFee,
            MakerFeeRate = makerFee,
            DefaultLeverage = 20,
            Mark = new MarkPriceOptions { Method = MarkPriceMethod.LastTrade, PublishIntervalSeconds = 0 },
            LiquidationEngine = Microstructure.Risk.Liquidation.LiquidationEngineOptions.Immediate,
            Funding = new FundingOptions { Enabled = false },
            Liquidation = design,
        });
        s.At(1);
        s.Deposit(s.Exchange.InsuranceFundAccountId, fund);
        s.Deposit(s.Exchange.KeeperAccountId, 1_000_000m);
        foreach (long big in (long[])[Provider, Seller, Shocker])
        {
            s.Deposit(big, 10_000_000m);
            s.Leverage(big, 1);
        }

        s.Limit(Seller, Side.Sell, 10_000, Crowd * LotsEach);
        s.Limit(Seller, Side.Sell, 11_000, 1_000);
        var random = new Random(seed);
        for (int i = 0; i < Crowd; i++)
        {
            int leverage = random.Next(5, 21);
            if (isolatedEveryThird && i % 3 == 0)
            {
                s.Isolated(i);
            }

            s.Deposit(i, decimal.Round(100m * LotsEach / leverage, 2) + 1m);
            s.Leverage(i, leverage);
            s.Limit(i, Side.Buy, 10_000, LotsEach, TimeInForce.Ioc);
        }

        for (long price = 9_999; price >= 6_000; price--)
        {
            s.Limit(Provider, Side.Buy, price, 3);
        }

        for (int second = 1; second <= 29; second++)
        {
            s.At(second);
            if (second == 5)
            {
                s.Market(Shocker, Side.Sell, ShockLots);
            }

            if (second == 15)
            {
                for (long price = 9_900; price >= 9_000; price -= 10)
                {
                    s.Limit(Provider, Side.Buy, price, 20);
                }
            }

            s.SnapshotL2(Provider, 50);
        }

        return s;
    }

    public static RecordedRunInfo Info(ExchangeScript s, string design, long shockNotional = 0) =>
        RecordedRunInfo.FromExchange(s.Exchange, "crowd-cascade", 1, design, startNs: 0, endNs: EndNs) with
        {
            Shocks = [new RecordedShock(5_000_000_000, shockNotional, "market sell")],
            AccountLabels = Enumerable.Range(0, Crowd).ToDictionary(i => (long)i, _ => "leveraged-long"),
        };
}
