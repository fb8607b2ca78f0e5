using Microstructure.Engine;
using Microstructure.Replay.Injection;
using Microstructure.Replay.Lobster;
using Microstructure.Replay.Output;
using Microstructure.Replay.Tests.TestSupport;

namespace Microstructure.Replay.Tests.Lobster;

public sealed class LobsterInjectionTests
{
    private static readonly InjectedOrder Shock = new(34_210L * 1_000_000_000, InjectedOrderKind.Liquidation, Side.Sell, 900, 0, "shock", 2);

    private static ReplayReport Replay(string messages, string book, params InjectedOrder[] injections) =>
        LobsterReplay.Run(new LobsterReplayOptions { MessagesPath = messages, BookPath = book, Injections = injections });

    [Fact]
    public void The_same_shock_moves_the_price_more_on_a_thin_book_than_on_a_thick_one()
    {
        using var dir = new TempDirectory();
        var thick = LobsterFiles.Scaled(dir, 3);

        var thinReport = Replay(TestData.LobsterMessages, TestData.LobsterBook, Shock);
        var thickReport = Replay(thick.Messages, thick.Book, Shock);

        Assert.Equal(900, thinReport.SimulatedFilledLots);
        Assert.Equal(900, thickReport.SimulatedFilledLots);
        Assert.True(thinReport.Impact!.ImmediateMidMove < thickReport.Impact!.ImmediateMidMove, $"thin {thinReport.Impact.ImmediateMidMove} vs thick {thickReport.Impact.ImmediateMidMove}");
        Assert.True(thickReport.Impact.ImmediateMidMove < 0);
        Assert.True(thinReport.Impact.BidAfter < thickReport.Impact.BidAfter);
    }

    [Fact]
    public void What_the_shock_consumed_stays_consumed_to_the_end_of_the_replay()
    {
        var report = Replay(TestData.LobsterMessages, TestData.LobsterBook, Shock);
        var impact = report.Impact!;
        var c = report.Reconciliation;

        // Historical executions and cancels of liquidity the shock had taken were dropped, not replayed.
        Assert.Equal(900, c.DepletedLots);
        Assert.True(c.DroppedExecutionLots > 0);
        Assert.True(c.DroppedExecutions + c.DroppedCancels > 0);

        // The part of the depletion that history never took away itself is still missing at the end: the replayed
        // book never holds more bid liquidity than history, and the ask side (untouched by a sell) is identical.
        var outstanding = c.DepletedLots - c.DroppedExecutionLots - c.DroppedCancelLots - c.UnmatchedLots;
        Assert.True(outstanding > 0);
        Assert.True(impact.FinalBidDepth <= impact.FinalHistoricalBidDepth);
        Assert.Equal(impact.FinalHistoricalAskDepth, impact.FinalAskDepth);
    }

    [Fact]
    public void Without_injections_the_book_matches_history_and_nothing_is_reconciled()
    {
        var report = Replay(TestData.LobsterMessages, TestData.LobsterBook);

        Assert.Null(report.Impact);
        Assert.False(report.Reconciliation.Any);
        Assert.Equal(0, report.Reconciliation.DepletedLots);
    }

    [Fact]
    public void A_resting_injected_limit_order_is_hit_by_history_and_counted()
    {
        // A bid above the historical best bid at the start rests; later historical sells that reach it trade with it.
        var bid = new InjectedOrder(34_200L * 1_000_000_000, InjectedOrderKind.Limit, Side.Buy, 50, 5_856_000, "bid", 2);
        var report = Replay(TestData.LobsterMessages, TestData.LobsterBook, bid);

        Assert.Equal(1, report.InjectedOrders);
        Assert.True(report.SimulatedFilledLots is > 0 and <= 50);
        Assert.Equal(0, report.HistoricalCrossTrades);
    }

    [Fact]
    public void Injected_orders_during_a_halt_wait_for_trading_to_resume()
    {
        using var dir = new TempDirectory();
        var messages = LobsterFiles.Messages(6).ToList();
        var book = LobsterFiles.Book(6).ToList();
        messages.InsertRange(3, ["34200.010000000,7,0,0,-1,-1", "34200.020000000,7,0,0,1,-1"]);
        book.InsertRange(3, [book[2], book[2]]);
        var files = LobsterFiles.Write(dir, [.. messages], [.. book]);
        var order = new InjectedOrder(34_200_015_000_000, InjectedOrderKind.Market, Side.Sell, 10, 0, "during-halt", 2);

        var report = LobsterReplay.Run(new LobsterReplayOptions { MessagesPath = files.Messages, BookPath = files.Book, Injections = [order] });

        Assert.Equal(2, report.Halts);
        Assert.Equal(1, report.Reconciliation.DeferredByHalt);
        Assert.Equal(10, report.SimulatedFilledLots);
    }
}
