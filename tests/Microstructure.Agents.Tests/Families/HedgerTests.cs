using Microstructure.Agents.Families;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Tests.TestSupport;
using Microstructure.Agents.Validation;

namespace Microstructure.Agents.Tests.Families;

public class HedgerTests
{
    private const long Me = 7;
    private const long Second = 1_000_000_000;

    private static readonly HedgerOptions Options = new()
    {
        Leverage = ValueDistribution.Fixed(3),
        EntryStartSeconds = 1,
        EntryEndSeconds = 1,
        EntrySlices = 4,
        SliceIntervalSeconds = 5,
        CheckIntervalSeconds = 1,
        TopUpMarginRatio = 0.5,
        TopUpReserve = 1,
        TopUpDelaySeconds = 30,
        ReduceMarginRatio = 0.8,
        ReduceFraction = 0.25,
    };

    [Fact]
    public void It_opens_a_short_of_capital_times_leverage_in_slices_and_holds_it()
    {
        var (hedger, context, sliceTimes) = Opened(Options);
        // $100,000 × 3 at the bid 49,999 → 6,000 lots (6 BTC), sold in four market sells of 1,500, 5 s apart.
        Assert.Equal(6_000, hedger.TargetLots);
        Assert.Equal([1 * Second, 6 * Second, 11 * Second, 16 * Second, 21 * Second], sliceTimes); // at 21 s: nothing missing, holding
        Assert.Equal(4, Assert.Single(context.OfType(ExchangeCommandType.SetLeverage)).Amount); // ⌈3 × 1.25⌉
        Assert.All(context.Places, o => Assert.Equal((Side.Sell, OrderType.Market, 1_500L), (o.Side, o.OrderType, o.Quantity.Lots)));
        Assert.Equal(-6_000, hedger.Account.Position);
        Assert.Equal(6_000, hedger.SpotLots); // delta-neutral: the same lots long elsewhere
        Assert.Equal(HedgerPhase.Holding, hedger.Phase);

        // Ten minutes of checks, the price 10% down, then 10% up: it holds, sending nothing.
        context.Clear();
        foreach (long price in new[] { 450_000L, 550_000L })
        {
            context.Market = TestMarket.Quotes(price - 10, price + 10);
            for (int i = 0; i < 300; i++)
            {
                context.Now = context.Wake ?? (context.Now + Second);
                hedger.OnWake(context);
            }
        }

        Assert.Empty(context.Sent);
        Assert.Equal(-6_000, hedger.Account.Position);
        Assert.InRange(hedger.LastMarginRatio, 0.01, 0.1);
    }

    [Fact]
    public void What_a_thin_book_leaves_unfilled_is_sold_by_further_slices()
    {
        var hedger = new Hedger(TestMarket.Setup(Me), Options with { EntrySlices = 2 }, TestMarket.Cash(100_000));
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010) };
        hedger.Start(context);
        var sold = new List<long>();
        while (hedger.Phase != HedgerPhase.Holding && sold.Count < 20)
        {
            context.Now = context.Wake!.Value;
            int before = context.Places.Count();
            hedger.OnWake(context);
            foreach (var slice in context.Places.Skip(before))
            {
                sold.Add(slice.Quantity.Lots);
                long filled = Math.Min(slice.Quantity.Lots, 2_000); // the book takes 2,000 lots a time
                context.Deliver(hedger, Events.Trade(Me, slice.OrderId.Value, 9, 1, Side.Sell, 500_000, filled, takerLeft: 0));
            }
        }

        Assert.Equal([3_000L, 3_000, 2_000], sold); // 6,000 wanted: two slices fill 2,000 each, a third sells the 2,000 missing
        Assert.Equal(-6_000, hedger.Account.Position);
        Assert.Equal(HedgerPhase.Holding, hedger.Phase);
    }

    [Fact]
    public void A_high_margin_ratio_sends_a_top_up_that_arrives_after_the_transfer_delay()
    {
        var (hedger, context, _) = Opened(Options);
        context.Clear();
        // Mark $66,000 (+32%): equity $100,000 − 6 × $16,000 = $4,000; maintenance 1% × $396,000 − $1,300 = $2,660 → 0.665.
        context.Market = TestMarket.Quotes(659_990, 660_010);
        context.Now = 20 * Second;
        hedger.OnWake(context);
        Assert.Equal(0.665, hedger.LastMarginRatio, 3);
        Assert.Equal(1, hedger.TopUps);
        Assert.Empty(context.OfType(ExchangeCommandType.Deposit)); // on its way
        Assert.Empty(context.Places); // 0.665 < 0.8: no buy-back

        for (int t = 21; t < 50; t++)
        {
            context.Now = t * Second;
            hedger.OnWake(context);
        }

        Assert.Empty(context.OfType(ExchangeCommandType.Deposit));
        context.Now = 50 * Second;
        hedger.OnWake(context);
        // Wanted: $396,000 / 3 − $4,000 = $128,000; the reserve (1 × capital) gives $100,000.
        Assert.Equal(TestMarket.Cash(100_000), Assert.Single(context.OfType(ExchangeCommandType.Deposit)).Amount);
        Assert.Equal(1, hedger.TopUps);
        context.Now = 51 * Second;
        hedger.OnWake(context);
        Assert.InRange(hedger.LastMarginRatio, 0.02, 0.03); // $2,660 / $104,000
    }

    [Fact]
    public void Without_a_reserve_it_buys_back_part_of_the_short_once_the_ratio_passes_the_reduce_level()
    {
        var (hedger, context, _) = Opened(Options with { TopUpReserve = 0 });
        context.Clear();
        context.Market = TestMarket.Quotes(664_990, 665_010); // equity $1,000 against $2,690 maintenance
        context.Now = 20 * Second;
        hedger.OnWake(context);
        Assert.Empty(context.OfType(ExchangeCommandType.Deposit));
        var buy = Assert.Single(context.Places);
        Assert.Equal((Side.Buy, OrderType.Market, 1_500L, OrderFlags.ReduceOnly), (buy.Side, buy.OrderType, buy.Quantity.Lots, buy.Flags));
        context.Now = 21 * Second;
        hedger.OnWake(context);
        Assert.Single(context.Places); // not sent again while the first is working
        Assert.Equal(1, hedger.Reductions);

        context.Deliver(hedger, Events.Trade(Me, buy.OrderId.Value, 9, 1, Side.Buy, 665_000, 1_500, takerBalance: (6_000L * 500_000 * TestMarket.K) - (1_500L * 665_000 * TestMarket.K)));
        Assert.Equal((-4_500L, 4_500L), (hedger.Account.Position, hedger.SpotLots)); // the long elsewhere is cut as much
    }

    [Fact]
    public void A_liquidation_that_closes_the_short_squeezes_it_out_for_good()
    {
        var (hedger, context, _) = Opened(Options);
        context.Deliver(hedger, Events.Triggered(Me, 3));
        context.Deliver(hedger, Events.Takeover(Me, 100, Side.Buy, 6_000, 700_000));
        context.Deliver(hedger, Events.Finished(Me, 3, 0, 0));
        Assert.True(hedger.Squeezed);
        Assert.Equal(HedgerPhase.Retired, hedger.Phase);
        context.Clear();
        context.Now = 100 * Second;
        hedger.OnWake(context);
        Assert.Empty(context.Sent);
    }

    [Theory]
    [InlineData("topUpMarginRatio")]
    [InlineData("reduceMarginRatio")]
    [InlineData("reduceFraction")]
    [InlineData("entrySlices")]
    [InlineData("leverage")]
    [InlineData("topUpDelaySeconds")]
    public void Bad_settings_are_named_by_their_field(string field)
    {
        var options = field switch
        {
            "topUpMarginRatio" => Options with { TopUpMarginRatio = 1 },
            "reduceMarginRatio" => Options with { ReduceMarginRatio = 0 },
            "reduceFraction" => Options with { ReduceFraction = 1.5 },
            "entrySlices" => Options with { EntrySlices = 0 },
            "leverage" => Options with { Leverage = ValueDistribution.Fixed(500) },
            _ => Options with { TopUpDelaySeconds = -1 },
        };
        Assert.Equal($"agents[3].{field}", Assert.Throws<AgentConfigurationException>(() => options.Validate("agents[3]")).Path);
    }

    private static (Hedger Hedger, FakeContext Context, List<long> SliceTimes) Opened(HedgerOptions options)
    {
        var sliceTimes = new List<long>();
        long proceeds = 0;
        var hedger = new Hedger(TestMarket.Setup(Me), options, TestMarket.Cash(100_000));
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010) };
        hedger.Start(context);
        Assert.Equal(1 * Second, context.Wake);
        while (hedger.Phase != HedgerPhase.Holding)
        {
            context.Now = context.Wake!.Value;
            int before = context.Places.Count();
            hedger.OnWake(context);
            sliceTimes.Add(context.Now);
            foreach (var slice in context.Places.Skip(before))
            {
                context.Deliver(hedger, Events.Accepted(Me, slice.OrderId.Value, Side.Sell, 0, slice.Quantity.Lots));
                proceeds += slice.Quantity.Lots * 500_000 * TestMarket.K; // settlement credits the sale (the deposit is still unconfirmed)
                context.Deliver(hedger, Events.Trade(Me, slice.OrderId.Value, 9, 1, Side.Sell, 500_000, slice.Quantity.Lots, takerBalance: proceeds));
            }
        }

        return (hedger, context, sliceTimes);
    }
}
