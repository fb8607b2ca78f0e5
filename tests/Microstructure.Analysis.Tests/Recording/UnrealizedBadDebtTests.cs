using System.Text.Json;
using Microstructure.Analysis.Recording;
using Microstructure.Analysis.Tests.Recording.TestSupport;
using Microstructure.Engine;
using Microstructure.Risk;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Pricing;

namespace Microstructure.Analysis.Tests.Recording;

/// <summary>
/// Positions still held at the end of a run — by the fund, or by a liquidation that never finished — are valued at the
/// final mark and reported apart from the bad debt written off (issue 11 §2).
/// </summary>
public sealed class UnrealizedBadDebtTests : IDisposable
{
    private const long Trader = 1;
    private const long Seller = 10;
    private const long Fund = 20;
    private const long Usd = 100_000_000;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_fund_left_holding_a_long_taken_over_at_bankruptcy_reports_its_loss_at_the_final_mark()
    {
        // Hand-built: the trader bought 10 at $100.00 on $100; at a $90.40 mark the fund took the long over at the
        // $90.00 bankruptcy price and found nobody to sell it to; the run ends at an $80.00 mark.
        RunSummary summary = Record(FundHolding(fundDeposit: 1_000m, finalMark: 8_000), "insurance-fund");
        // Bought at $90.00, marked at $80.00: 10 × −$10.00. The fund's $1,000 covers it: no unrealized bad debt.
        Assert.Equal(-100 * Usd, summary.FundUnrealizedPnl);
        Assert.Equal(0, summary.UnrealizedBadDebt);
        Assert.Equal(0, summary.BadDebt);
        Assert.Equal(0, summary.PositionsInLiquidation);
        // Cash basis the fund is down the $900 it paid; marked to market only the $100 it lost.
        Assert.Equal(-900 * Usd, summary.FundNetChange);
        Assert.Equal(-100 * Usd, summary.FundMarkedNetChange);

        var headline = Headline();
        Assert.Equal(-100m, headline.GetProperty("fund_unrealized_pnl_quote").GetDecimal());
        Assert.Equal(-100m, headline.GetProperty("fund_marked_net_change_quote").GetDecimal());
        Assert.Equal(0, headline.GetProperty("unrealized_bad_debt").GetInt64());
        string report = File.ReadAllText(Path.Combine(_temp.Sub("run"), "report.md"));
        Assert.Contains("insurance fund unrealized P&L", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fund_whose_position_lost_more_than_its_balance_reports_the_rest_as_unrealized_bad_debt()
    {
        // The same takeover with a $500 fund, ending at a $20.00 mark: −$700 on the position, $200 beyond the fund.
        RunSummary summary = Record(FundHolding(fundDeposit: 500m, finalMark: 2_000), "insurance-fund");
        Assert.Equal(-700 * Usd, summary.FundUnrealizedPnl);
        Assert.Equal(200 * Usd, summary.UnrealizedBadDebt);
        Assert.Equal(0, summary.BadDebt);
        Assert.Equal(-700m, Headline().GetProperty("fund_marked_net_change_quote").GetDecimal()); // −$900 paid, $200 worth
    }

    [Fact]
    public void An_unsold_auction_under_water_is_unrealized_bad_debt_and_a_position_left_in_liquidation()
    {
        var s = LongWithoutBids(new DutchAuctionOptions { StandingBids = [] }, fund: 1_000m);
        s.At(2);
        Assert.Contains(s.Mark(9_040), e => e.Type == ExchangeEventType.AuctionStarted);
        s.At(3);
        s.Mark(8_500);

        RunSummary summary = Record(s, "dutch-auction");
        var trader = s.Exchange.GetAccount(Trader);
        Assert.True(trader.InLiquidation);
        // Cash −$900 − the $4 penalty, 10 lots at $85.00: −$54 that nobody has covered or written off yet.
        Assert.Equal(-54 * Usd, trader.Equity);
        Assert.Equal(54 * Usd, summary.UnrealizedBadDebt);
        Assert.Equal(0, summary.BadDebt);
        Assert.Equal((1, 10L), (summary.PositionsInLiquidation, summary.LotsInLiquidation));
        Assert.Equal(0, summary.FundUnrealizedPnl);
        Assert.Equal(1, Headline().GetProperty("positions_in_liquidation").GetInt32());
    }

    [Fact]
    public void A_position_above_water_left_in_liquidation_adds_no_unrealized_bad_debt()
    {
        var s = LongWithoutBids(new DutchAuctionOptions { StandingBids = [], Penalty = 0m }, fund: 1_000m);
        s.At(2);
        s.Mark(9_040);
        s.At(3);
        s.Mark(9_500);
        RunSummary summary = Record(s, "dutch-auction");
        Assert.Equal(0, summary.UnrealizedBadDebt);
        Assert.Equal(1, summary.PositionsInLiquidation);
    }

    /// <summary>Events only: deposits, the trader's buy of 10 at $100.00, the fund's takeover at $90.00, the final mark.</summary>
    private static List<ExchangeEvent> FundHolding(decimal fundDeposit, long finalMark)
    {
        long sequence = 0;
        var events = new List<ExchangeEvent>();
        void Add(ExchangeEvent e, decimal seconds)
        {
            e.Engine.CommandSequence = sequence++;
            e.Engine.Timestamp = new Timestamp((long)(seconds * 1_000_000_000m));
            events.Add(e);
        }

        Add(new ExchangeEvent { Type = ExchangeEventType.Deposit, Amount = (long)(fundDeposit * Usd), Engine = { AccountId = Fund } }, 1);
        Add(new ExchangeEvent { Type = ExchangeEventType.Deposit, Amount = 100 * Usd, Engine = { AccountId = Trader } }, 1);
        Add(new ExchangeEvent { Type = ExchangeEventType.Deposit, Amount = 100_000 * Usd, Engine = { AccountId = Seller } }, 1);
        Add(new ExchangeEvent { Type = ExchangeEventType.MarkPrice, MarkPrice = new Price(10_000) }, 1);
        Add(new ExchangeEvent
        {
            Type = ExchangeEventType.Trade,
            TakerBalance = -900 * Usd,
            MakerBalance = 101_000 * Usd,
            Engine = { AccountId = Trader, MakerAccountId = Seller, Side = Side.Buy, Price = new Price(10_000), Quantity = new Quantity(10) },
        }, 1);
        Add(new ExchangeEvent { Type = ExchangeEventType.MarkPrice, MarkPrice = new Price(9_040) }, 2);
        Add(new ExchangeEvent
        {
            Type = ExchangeEventType.Takeover,
            CounterpartyAccountId = Fund,
            Engine = { AccountId = Trader, Side = Side.Sell, Price = new Price(9_000), Quantity = new Quantity(10) },
        }, 2);
        Add(new ExchangeEvent { Type = ExchangeEventType.MarkPrice, MarkPrice = new Price(finalMark) }, 3);
        return events;
    }

    private RunSummary Record(List<ExchangeEvent> events, string design)
    {
        var info = new RecordedRunInfo
        {
            ScenarioName = "held",
            Seed = 1,
            DesignName = design,
            TickSize = 0.01m,
            LotSize = 1m,
            InsuranceFundAccountId = Fund,
            StartNs = 0,
            EndNs = 10_000_000_000,
        };
        using RunRecorder recorder = RunRecorder.Create(_temp.Sub("run"), info, SmallCascade.RecorderOptions(plots: false));
        foreach (ExchangeEvent e in events)
        {
            recorder.OnEvent(in e);
        }

        return recorder.Complete();
    }

    /// <summary>The trader long 10 lots at $100.00 with $100 of margin (10×), an external mark, an empty bid side.</summary>
    private static ExchangeScript LongWithoutBids(LiquidationDesignOptions design, decimal fund)
    {
        var s = new ExchangeScript(SmallCascade.Options(design) with { Mark = new MarkPriceOptions { Method = MarkPriceMethod.External }, DefaultLeverage = 10 });
        s.At(1);
        s.Deposit(s.Exchange.InsuranceFundAccountId, fund);
        s.Deposit(Seller, 100_000m);
        s.Deposit(Trader, 100m);
        s.Mark(10_000);
        s.Limit(Seller, Side.Sell, 10_000, 10);
        s.Limit(Trader, Side.Buy, 10_000, 10, TimeInForce.Ioc);
        Assert.Equal(10, s.Exchange.GetAccount(Trader).Lots);
        return s;
    }

    private RunSummary Record(ExchangeScript s, string design)
    {
        var info = RecordedRunInfo.FromExchange(s.Exchange, "held", 1, design, startNs: 0, endNs: 10_000_000_000);
        using RunRecorder recorder = RunRecorder.Create(_temp.Sub("run"), info, SmallCascade.RecorderOptions(plots: false));
        s.ReplayInto(recorder);
        return recorder.Complete();
    }

    private JsonElement Headline() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(_temp.Sub("run"), "summary.json"))).RootElement.GetProperty("headline").Clone();
}
