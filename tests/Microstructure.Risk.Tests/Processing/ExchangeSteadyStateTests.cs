using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Processing;
using Microstructure.Risk.Tests.TestSupport;

namespace Microstructure.Risk.Tests.Processing;

public class ExchangeSteadyStateTests
{
    [Theory]
    [InlineData(LiquidationPolicies.FullClose)]
    [InlineData(LiquidationPolicies.InsuranceFund)]
    [InlineData(LiquidationPolicies.Adl)]
    [InlineData(LiquidationPolicies.TieredPartial)]
    public void Orders_mark_moves_and_liquidations_allocate_nothing_once_warm(string design)
    {
        var exchange = new Exchange(Instruments.Simple() with
        {
            Liquidation = LiquidationPolicies.CreateDesign(design),
            TakerFeeRate = 0.0004m,
            Mark = new MarkPriceOptions { Method = MarkPriceMethod.External },
        });
        var sink = new CountingSink();
        long sequence = 0;
        void Run(int rounds)
        {
            for (int r = 0; r < rounds; r++)
            {
                long bidId = 0;
                for (int step = 0; step < CycleLength; step++)
                {
                    var command = Step(step, sequence, ref bidId);
                    exchange.Process(in command, sequence++, ref sink);
                }
            }
        }

        // The first rounds JIT-compile every path and grow the reusable buffers. Tiered compilation promotes hot methods
        // in the background after a delay, and code not yet promoted heap-allocates what optimised code keeps on the
        // stack; on a loaded machine (CI runs test assemblies side by side) 2,000 rounds can end before that. So warm up
        // for at least a second of wall time, then require a window of 500 rounds that allocates nothing, trying up to
        // five windows: an allocation made every round (or every liquidation) fails all five.
        var warm = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            Run(2_000);
        }
        while (warm.Elapsed < TimeSpan.FromSeconds(1));

        var windows = new List<long>();
        for (int window = 0; window < 5; window++)
        {
            long liquidationsBefore = sink.Liquidations;
            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(500);
            windows.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(500, sink.Liquidations - liquidationsBefore);
            if (windows[^1] == 0)
            {
                return;
            }
        }

        Assert.Fail($"every measured window of 500 rounds allocated: {string.Join(", ", windows)} bytes");
    }

    private const int CycleLength = 9;

    /// <summary>
    /// One cycle: the trader opens a 10× long from the maker, the mark drops to $85 (below bankruptcy), the liquidation
    /// runs (book, fund or ADL, per design), the maker's leftover bid is cancelled and the mark comes back.
    /// </summary>
    private static ExchangeCommand Step(int step, long sequence, ref long bidId)
    {
        const long Maker = 1, Trader = 2, Fund = 63;
        long time = sequence * 1_000;
        ExchangeCommand Order(long account, Side side, long price, long lots, TimeInForce tif) => ExchangeCommand.ForOrder(new OrderCommand
        {
            Type = CommandType.Place,
            OrderType = OrderType.Limit,
            TimeInForce = tif,
            Side = side,
            OrderId = new OrderId(sequence + 1),
            AccountId = account,
            Price = new Price(price),
            Quantity = new Quantity(lots),
        }, time);

        switch (step)
        {
            case 0: return ExchangeCommand.Cash(ExchangeCommandType.Deposit, Maker, Driver.Usd(1_000m), time);
            case 1: return ExchangeCommand.Cash(ExchangeCommandType.Deposit, Fund, Driver.Usd(100m), time);
            case 2: return ExchangeCommand.Cash(ExchangeCommandType.Deposit, Trader, Driver.Usd(101m), time);
            case 3: return Order(Maker, Side.Sell, 10_000, 10, TimeInForce.Gtc);
            case 4: return Order(Trader, Side.Buy, 10_000, 10, TimeInForce.Ioc);
            case 5:
                bidId = sequence + 1;
                return Order(Maker, Side.Buy, 8_500, 10, TimeInForce.Gtc);
            case 6: return ExchangeCommand.ForPrice(ExchangeCommandType.MarkPrice, 8_500, time);
            case 7: return ExchangeCommand.ForOrder(new OrderCommand { Type = CommandType.Cancel, OrderId = new OrderId(bidId), AccountId = Maker }, time);
            default: return ExchangeCommand.ForPrice(ExchangeCommandType.MarkPrice, 10_000, time);
        }
    }
}
