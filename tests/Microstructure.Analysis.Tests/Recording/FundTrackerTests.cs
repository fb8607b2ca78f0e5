using Microstructure.Analysis.Recording;

namespace Microstructure.Analysis.Tests.Recording;

public sealed class FundTrackerTests
{
    [Fact]
    public void A_held_position_is_marked_to_market_at_every_mark_and_a_flat_fund_only_when_its_cash_moves()
    {
        var f = new FundTracker(cashPerTickLot: 10);
        f.Observe(0, cash: 1_000, lots: 0, mark: 100);
        f.Observe(1, 1_000, 0, 101);          // flat: a mark move changes nothing
        f.Observe(2, 0, 5, 101);              // takes over 5 lots, paying 1,000: equity 0 + 5·101·10
        f.Observe(3, 0, 5, 90);               // held through a fall: marked at 90
        f.Observe(4, 0, 5, 90);               // nothing new
        f.Observe(5, 1_100, 0, 90);           // sold

        var equity = f.Equity(10);
        var position = f.Position(10);
        Assert.Equal([0L, 2, 3, 5], equity.Times.ToArray());
        Assert.Equal([1_000L, 5_050, 4_500, 1_100], equity.Values.ToArray());
        Assert.Equal([0L, 5, 5, 0], position.Values.ToArray());
        Assert.Equal(10, equity.EndNs);
    }

    [Fact]
    public void Max_drawdown_is_the_largest_fall_of_equity_from_its_running_peak()
    {
        var f = new FundTracker(cashPerTickLot: 10);
        f.Observe(0, 1_000, 0, 100);          // 1,000
        f.Observe(1, 200, 1, 100);            // 1,200: a new peak
        f.Observe(2, 200, 1, 10);             // 300: −900 from the peak
        f.Observe(3, 1_500, 0, 10);           // 1,500: a new peak
        f.Observe(4, 900, 0, 10);             // 900: −600, less than before
        Assert.Equal(900, f.MaxDrawdown);
    }
}
