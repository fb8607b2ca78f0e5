using Microstructure.Engine;
using Microstructure.Risk;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Processing;

namespace Microstructure.Workloads;

/// <summary>
/// exchange-core's order mix through the full exchange (risk checks inline), with an external mark updated every 64
/// commands, and a population of 1-lot leveraged longs whose thresholds sit 0.4–0.9% under the mark. One command in the
/// middle of the stream is the shock: the mark drops 1%, every long is breached at once, and that command runs a burst
/// of liquidations (each a market order into a bid ladder under the mix's book) before the next can start.
/// </summary>
public static class RiskLatencyWorkload
{
    /// <summary>Commands between two mark updates.</summary>
    public const int MarkEvery = 64;

    /// <summary>First account of the leveraged population (the mix uses 0 … 999).</summary>
    public const int FirstLong = ExchangeCoreMix.Accounts;

    /// <summary>
    /// Builds the exchange (setup applied synchronously) and the measured stream.
    /// </summary>
    /// <param name="longs">Leveraged longs the shock liquidates.</param>
    /// <param name="count">Commands in the stream.</param>
    /// <param name="shockIndex">Index of the shock command in the stream.</param>
    public static (Exchange Exchange, ExchangeCommand[] Stream, long NextSequence) Build(int longs, int count, int shockIndex)
    {
        int provider = FirstLong + longs;
        int seller = provider + 1;
        var options = new ExchangeOptions
        {
            Instrument = ExchangeCoreMix.Instrument,
            MaxAccounts = seller + 8,
            MaxOrders = ExchangeCoreMix.EngineCapacity + longs + 1_024,
            Brackets = new BracketTable([new MarginBracketSpec(10_000_000_000m, 100, 0.01m)]),
            DefaultLeverage = 100,
            Mark = new MarkPriceOptions { Method = MarkPriceMethod.External, PublishIntervalSeconds = 0 },
            LiquidationEngine = Microstructure.Risk.Liquidation.LiquidationEngineOptions.Immediate,
            Funding = new FundingOptions { Enabled = false },
            Liquidation = new Risk.Liquidation.FullCloseOptions(),
        };
        var exchange = new Exchange(options);
        var sink = default(NullExchangeSink);
        long sequence = 0;
        void Send(ExchangeCommand c) => exchange.Process(in c, sequence++, ref sink);
        long mid = ExchangeCoreMix.MidTicks;
        Send(ExchangeCommand.ForPrice(ExchangeCommandType.MarkPrice, mid, 0));
        Send(ExchangeCommand.Cash(ExchangeCommandType.Deposit, exchange.InsuranceFundAccountId, FixedPoint.ToCash(1_000_000m), 0));
        for (int a = 0; a < ExchangeCoreMix.Accounts; a++)
        {
            Send(ExchangeCommand.Cash(ExchangeCommandType.Deposit, a, FixedPoint.ToCash(100_000_000m), 0));
        }

        Send(ExchangeCommand.Cash(ExchangeCommandType.Deposit, provider, FixedPoint.ToCash(100_000_000m), 0));
        Send(ExchangeCommand.Cash(ExchangeCommandType.Deposit, seller, FixedPoint.ToCash(100_000_000m), 0));
        long id = 1L << 40; // far from the mix's ids
        Send(Limit(seller, Side.Sell, mid, longs, TimeInForce.Gtc, id++));
        var random = new Random(11);
        for (int i = 0; i < longs; i++)
        {
            long threshold = mid - 400 - random.Next(0, 500);
            long cash = (mid * 1_000_000) - (threshold * 990_000);
            Send(ExchangeCommand.Cash(ExchangeCommandType.Deposit, FirstLong + i, cash, 0));
            Send(Limit(FirstLong + i, Side.Buy, mid, 1, TimeInForce.Ioc, id++));
        }

        for (int level = 0; level < longs; level++)
        {
            Send(Limit(provider, Side.Buy, mid - 1_000 - level, 1, TimeInForce.Gtc, id++));
        }

        var (seed, mix) = ExchangeCoreMix.Generate(seed: 7, count);
        foreach (var order in seed)
        {
            Send(ExchangeCommand.ForOrder(in order, 0));
        }

        var stream = new ExchangeCommand[count];
        for (int i = 0; i < count; i++)
        {
            stream[i] = i == shockIndex
                ? ExchangeCommand.ForPrice(ExchangeCommandType.MarkPrice, mid - (mid / 100), 0)
                : i % MarkEvery == 0
                    ? ExchangeCommand.ForPrice(ExchangeCommandType.MarkPrice, mid + 1 - ((i / MarkEvery) & 1), 0) // always a change: every command has an event
                    : ExchangeCommand.ForOrder(in mix[i], 0);
        }

        return (exchange, stream, sequence);
    }

    private static ExchangeCommand Limit(long account, Side side, long price, long lots, TimeInForce tif, long id) =>
        ExchangeCommand.ForOrder(new OrderCommand
        {
            Type = CommandType.Place,
            OrderType = OrderType.Limit,
            TimeInForce = tif,
            Side = side,
            OrderId = new OrderId(id),
            AccountId = account,
            Price = new Price(price),
            Quantity = new Quantity(lots),
        }, 0);
}
