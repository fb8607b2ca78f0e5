using Microstructure.Risk.Margin;

namespace Microstructure.Risk.Tests.Margin;

public class MarginModelTests
{
    // $0.01 ticks, 1-unit lots: one tick on one lot = 10⁶ cash units.
    private const long K = 1_000_000;

    private static readonly BracketTable BitmexLike = new([new MarginBracketSpec(1_000_000_000m, 100, 0.005m)]);

    [Fact]
    public void Bitmex_example_long_at_100_with_1pct_initial_and_half_pct_maintenance_liquidates_at_99_50_and_is_bankrupt_at_99_00()
    {
        // 1 contract bought at $100.00 with $1.00 (1% initial margin): cash + lots accounting gives cash = 1 − 100.
        var model = new MarginModel(BitmexLike, MaintenanceBasis.EntryNotional, K, 1, 1_000_000);
        long cash = FixedPoint.ToCash(1m - 100m);
        long lots = 1;
        long costBasis = FixedPoint.ToCash(100m);

        Assert.Equal(FixedPoint.ToCash(1m), MarginModel.Initial(costBasis, leverage: 100));
        Assert.Equal(9_950, model.Threshold(cash, lots, costBasis));
        Assert.Equal(9_900, model.BankruptcyPrice(cash, lots));
        Assert.True(model.IsBreached(cash, lots, costBasis, 9_950));
        Assert.False(model.IsBreached(cash, lots, costBasis, 9_951));
        Assert.Equal(0, model.Equity(cash, lots, 9_900));
    }

    [Fact]
    public void Short_mirror_of_the_bitmex_example_liquidates_at_100_50_and_is_bankrupt_at_101_00()
    {
        var model = new MarginModel(BitmexLike, MaintenanceBasis.EntryNotional, K, 1, 1_000_000);
        long cash = FixedPoint.ToCash(1m + 100m);
        long costBasis = -FixedPoint.ToCash(100m);

        Assert.Equal(10_050, model.Threshold(cash, -1, costBasis));
        Assert.Equal(10_100, model.BankruptcyPrice(cash, -1));
    }

    [Fact]
    public void With_mark_notional_maintenance_the_threshold_is_the_exact_last_breached_tick()
    {
        // MM on mark notional: −99 + P ≤ 0.005 P ⇔ P ≤ 99.497…, so 99.49 is the last breached tick.
        var model = new MarginModel(BitmexLike, MaintenanceBasis.MarkNotional, K, 1, 1_000_000);
        long cash = FixedPoint.ToCash(-99m);
        Assert.Equal(9_949, model.Threshold(cash, 1, FixedPoint.ToCash(100m)));
    }

    [Fact]
    public void Threshold_equals_a_scan_of_every_tick_for_tiered_brackets_and_both_sides()
    {
        var model = new MarginModel(BracketTable.BinanceBtcUsdt2021, MaintenanceBasis.MarkNotional, K, 1, 200_000);
        var random = new Random(7);
        for (int trial = 0; trial < 300; trial++)
        {
            long lots = random.Next(1, 20_000) * (random.Next(2) == 0 ? 1 : -1);
            long entry = random.Next(50_000, 150_000);
            long leverage = random.Next(1, 126);
            long notional = Math.Abs(lots) * entry * K;
            long cash = (-lots * entry * K) + (notional / leverage) + random.Next(-1_000_000, 1_000_000);
            model.Multiplier = FixedPoint.RateScale + (random.Next(0, 3) * 10_000_000);
            long threshold = model.Threshold(cash, lots, lots * entry * K);
            long expected = lots > 0 ? ScanLong(model, cash, lots, 200_000) : ScanShort(model, cash, lots, 200_000);
            Assert.Equal(expected, threshold);
        }
    }

    [Fact]
    public void Bankruptcy_price_rounds_so_the_trader_keeps_a_non_negative_residue()
    {
        var model = new MarginModel(BitmexLike, MaintenanceBasis.MarkNotional, K, 1, 1_000_000);
        long cash = -FixedPoint.ToCash(99.995m); // bankrupt at 99.995: between ticks
        Assert.Equal(10_000, model.BankruptcyPrice(cash, 1));
        Assert.True(model.Equity(cash, 1, 10_000) >= 0);
        Assert.Equal(9_999, model.BankruptcyPrice(FixedPoint.ToCash(99.995m), -1));
        Assert.True(model.Equity(FixedPoint.ToCash(99.995m), -1, 9_999) >= 0);
    }

    private static long ScanLong(MarginModel model, long cash, long lots, long maxPrice)
    {
        long last = MarginModel.NotIndexed;
        for (long p = 1; p <= maxPrice; p++)
        {
            if (model.IsBreached(cash, lots, lots, p))
            {
                last = p;
            }
        }

        return last;
    }

    private static long ScanShort(MarginModel model, long cash, long lots, long maxPrice)
    {
        for (long p = 1; p <= maxPrice; p++)
        {
            if (model.IsBreached(cash, lots, lots, p))
            {
                return p;
            }
        }

        return MarginModel.NotIndexed;
    }
}
