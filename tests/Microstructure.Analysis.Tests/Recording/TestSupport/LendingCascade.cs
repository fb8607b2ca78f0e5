using Microstructure.Engine;
using Microstructure.Risk;
using Microstructure.Risk.Lending;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Processing;

namespace Microstructure.Analysis.Tests.Recording.TestSupport;

/// <summary>
/// Ten lending loopers (20 lots of collateral each, staggered debt) on a thin book with the last trade as the pool's
/// oracle, a supplier who also withdraws, a looper who repays and withdraws collateral, then a market sell that sets
/// off protocol liquidations whose sales push the next loopers under (the Risk layer's lending cascade).
/// </summary>
internal static class LendingCascade
{
    public const long Maker = 1;
    public const long Supplier = 3;

    public static ExchangeScript Run()
    {
        var s = new ExchangeScript(new ExchangeOptions
        {
            Instrument = SmallCascade.Cents,
            MaxAccounts = 64,
            MaxOrders = 8_192,
            TakerFeeRate = 0.0004m,
            MakerFeeRate = 0.0002m,
            DefaultLeverage = 10,
            Brackets = new BracketTable([new MarginBracketSpec(1_000_000_000m, 100, 0.005m)]),
            Mark = new MarkPriceOptions { Method = MarkPriceMethod.LastTrade, PublishIntervalSeconds = 0 },
            LiquidationEngine = Microstructure.Risk.Liquidation.LiquidationEngineOptions.Immediate,
            Funding = new FundingOptions { Enabled = false },
            LendingPool = new LendingPoolOptions { MinSizeForPartial = 100m },
        });
        s.At(1);
        s.Deposit(Maker, 1_000_000m);
        s.Leverage(Maker, 1);
        s.Deposit(Supplier, 100_000m);
        s.Pool(ExchangeCommandType.PoolSupply, Supplier, ExchangeScript.Usd(50_000m));
        s.Pool(ExchangeCommandType.PoolWithdrawSupply, Supplier, ExchangeScript.Usd(1_000m));
        s.Deposit(s.Exchange.PoolLiquidatorAccountId, 100_000m);
        s.Limit(Maker, Side.Sell, 10_000, 1_000);
        for (long looper = 10; looper < 20; looper++)
        {
            s.Deposit(looper, 2_010m);
            s.Leverage(looper, 1);
            s.Limit(looper, Side.Buy, 10_000, 20, TimeInForce.Ioc);
            s.Pool(ExchangeCommandType.PoolDepositCollateral, looper, 20);
            s.Pool(ExchangeCommandType.PoolBorrow, looper, ExchangeScript.Usd(1_600m - (looper - 10)));
        }

        s.Pool(ExchangeCommandType.PoolRepay, 19, ExchangeScript.Usd(100m));
        s.Pool(ExchangeCommandType.PoolWithdrawCollateral, 19, 1);
        for (long price = 9_999; price >= 8_000; price--)
        {
            s.Limit(Maker, Side.Buy, price, 1);
        }

        s.At(2);
        s.Market(Maker, Side.Sell, 304);
        return s;
    }
}
