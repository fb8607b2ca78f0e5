using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Microstructure.Risk.Monitoring;
using Microstructure.Risk.Tests.TestSupport;

namespace Microstructure.Risk.Tests.Monitoring;

public class RiskMonitorTests
{
    private const long Maker = 60;

    [Fact]
    public void Map_and_figures_equal_a_naive_recomputation_from_the_accounts_for_random_position_sets()
    {
        var trader = Gen.Zip(
            Gen.Zip(Gen.Choose(200, 5_000), Gen.Choose(2, 60)),
            Gen.Zip(Gen.Choose(-300, 300), Gen.Choose(9_500, 10_500)));
        var property = Prop.ForAll(Arb.From(Gen.ArrayOf(trader)), Arb.From(Gen.Choose(9_600, 10_400)), (traders, mark) =>
        {
            var (d, monitor) = Build();
            for (int i = 0; i < Math.Min(traders.Length, 50); i++)
            {
                var ((cash, leverage), (lots, price)) = traders[i];
                Open(d, i, cash, leverage, lots, price);
            }

            d.Mark(mark);
            RiskSnapshot s = monitor.Capture(999);
            AssertNaive(d.Exchange, s);
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), property);
    }

    [Fact]
    public void Map_puts_a_long_below_the_mark_and_a_short_above_in_the_bucket_of_its_liquidation_price()
    {
        var (d, monitor) = Build();
        Open(d, 0, 1_000, 20, 100, 10_000); // long 100 at $100, 20× : liquidated a little under 5% below
        Open(d, 1, 1_000, 20, -100, 10_000);
        d.Mark(10_000);
        RiskSnapshot s = monitor.Capture(1);
        long longAt = d.Account(0).LiquidationPrice.Ticks, shortAt = d.Account(1).LiquidationPrice.Ticks;
        int longBucket = Array.FindIndex(s.LongBuckets, v => v != 0);
        int shortBucket = Array.FindIndex(s.ShortBuckets, v => v != 0);
        Assert.InRange(longAt, s.BucketLow(longBucket), s.BucketLow(longBucket + 1) - 1);
        Assert.InRange(shortAt, s.BucketLow(shortBucket), s.BucketLow(shortBucket + 1) - 1);
        Assert.True(longBucket < s.BucketsPerSide && shortBucket >= s.BucketsPerSide);
        Assert.Equal(100 * longAt * d.Exchange.CashPerTickLot, s.LongBuckets[longBucket]);
        Assert.Equal(1, s.LongAccounts);
        Assert.Equal(1, s.ShortAccounts); // the maker sold to the long and bought from the short: flat
    }

    [Fact]
    public void A_snapshot_after_warm_up_allocates_nothing()
    {
        var (d, monitor) = Build();
        for (int i = 0; i < 40; i++)
        {
            Open(d, i, 500 + (37 * i), 5 + i, i % 3 == 0 ? -(10 + i) : 10 + i, 9_800 + (10 * i));
        }

        d.Mark(10_050);
        for (int i = 0; i < 500; i++)
        {
            monitor.Capture(1); // warm-up: past tiered compilation
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            monitor.Capture(3 + i);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_exchange_takes_one_snapshot_per_interval_and_hands_them_over_in_command_order()
    {
        var (d, monitor) = Build(new RiskMonitorOptions { IntervalNs = 2_000_000_000 });
        Open(d, 0, 1_000, 10, 50, 10_000);
        d.Mark(10_000);
        for (int i = 0; i < 10; i++)
        {
            d.Advance(0.5m);
        }

        var taken = new List<(long Seq, long Time)>();
        while (monitor.TryTake(long.MaxValue, out var s))
        {
            taken.Add((s.Sequence, s.TimeNs));
            monitor.Return(s);
        }

        // The clock runs from 1 s to 6 s: boundaries at 2, 4, 6 s, plus the first priced command.
        Assert.Equal([1_000_000_000L, 2_000_000_000L, 4_000_000_000L, 6_000_000_000L], taken.Select(t => t.Time));
        Assert.True(taken.Select(t => t.Seq).SequenceEqual(taken.Select(t => t.Seq).Order()));
        Assert.False(monitor.TryTake(long.MaxValue, out _));
    }

    /// <summary>
    /// The same commands into three exchanges whose monitors compute every snapshot on the business-logic thread,
    /// every one off-thread, and switch between the two as positions are opened (from 4 positions on): the snapshots
    /// handed over are identical, field for field and in the same order — where a snapshot is computed changes nothing.
    /// </summary>
    [Fact]
    public void Snapshots_computed_off_thread_equal_those_computed_inline_in_the_same_order()
    {
        var trader = Gen.Zip(
            Gen.Zip(Gen.Choose(200, 5_000), Gen.Choose(2, 60)),
            Gen.Zip(Gen.Choose(-300, 300), Gen.Choose(9_500, 10_500)));
        var property = Prop.ForAll(Arb.From(Gen.ArrayOf(trader)), Arb.From(Gen.ArrayOf(Gen.Choose(9_000, 11_000))), (traders, marks) =>
        {
            var runs = new[] { int.MaxValue, 0, 4 }.Select(from => Build(new RiskMonitorOptions { OffThreadFrom = from })).ToArray();
            var seen = runs.Select(_ => new List<string>()).ToArray();
            for (int i = 0; i < Math.Min(traders.Length, 30); i++)
            {
                var ((cash, leverage), (lots, price)) = traders[i];
                foreach (var (d, _) in runs)
                {
                    Open(d, i, cash, leverage, lots, price);
                    d.Mark(marks.Length == 0 ? price : marks[i % marks.Length]);
                    d.Advance(1);
                }
            }

            for (int r = 0; r < runs.Length; r++)
            {
                while (runs[r].Monitor.TryTake(long.MaxValue, out var s))
                {
                    seen[r].Add(Describe(s));
                    runs[r].Monitor.Return(s);
                }
            }

            Assert.NotEmpty(seen[0]);
            Assert.Equal(seen[0], seen[1]);
            Assert.Equal(seen[0], seen[2]);
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
    }

    [Fact]
    public void Attaching_a_second_monitor_or_one_monitor_twice_is_refused()
    {
        var (d, monitor) = Build();
        Assert.Throws<InvalidOperationException>(() => d.Exchange.AttachMonitor(new RiskMonitor()));
        var other = new Driver(Instruments.Simple() with { MaxAccounts = 128 });
        Assert.Throws<InvalidOperationException>(() => other.Exchange.AttachMonitor(monitor));
    }

    [Fact]
    public void A_negative_off_thread_threshold_is_refused_naming_the_setting()
    {
        var e = Assert.Throws<ArgumentException>(() => new RiskMonitor(new RiskMonitorOptions { OffThreadFrom = -1 }));
        Assert.StartsWith("riskMonitor.offThreadFrom", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 250_000, 10_000_000)]
    [InlineData(1_000_000_000, 0, 10_000_000)]
    [InlineData(1_000_000_000, 300_000, 10_000_000)]
    public void Invalid_options_are_refused_naming_the_setting(long interval, long width, long range)
    {
        var e = Assert.Throws<ArgumentException>(() => new RiskMonitor(new RiskMonitorOptions { IntervalNs = interval, BucketWidth = width, Range = range }));
        Assert.StartsWith("riskMonitor.", e.Message, StringComparison.Ordinal);
    }

    private static (Driver Driver, RiskMonitor Monitor) Build(RiskMonitorOptions? options = null)
    {
        var d = new Driver(Instruments.Simple() with { MaxAccounts = 128 });
        var monitor = new RiskMonitor(options);
        d.Exchange.AttachMonitor(monitor);
        d.Deposit(Maker, 1_000_000_000m);
        d.Leverage(Maker, 1);
        d.Deposit(d.Exchange.InsuranceFundAccountId, 25_000m);
        d.Mark(10_000);
        return (d, monitor);
    }

    /// <summary>Opens (or tries to: the pre-trade check may refuse it) a position of <paramref name="lots"/> at <paramref name="price"/> against the maker.</summary>
    private static void Open(Driver d, long account, decimal cash, int leverage, long lots, long price)
    {
        if (lots == 0)
        {
            return;
        }

        d.Deposit(account, cash);
        d.Leverage(account, leverage);
        Side side = lots > 0 ? Side.Buy : Side.Sell;
        long id = 1_000_000 + account;
        d.Limit(Maker, side == Side.Buy ? Side.Sell : Side.Buy, price, Math.Abs(lots), id: id);
        d.Limit(account, side, price, Math.Abs(lots), TimeInForce.Ioc);
        d.Cancel(Maker, id); // refused when filled: nothing of the maker's stays on the book
    }

    private static void AssertNaive(Microstructure.Risk.Processing.Exchange exchange, RiskSnapshot s)
    {
        long mark = exchange.MarkPrice.Ticks;
        long k = exchange.CashPerTickLot;
        int perSide = s.BucketsPerSide;
        var longs = new long[2 * perSide];
        var shorts = new long[2 * perSide];
        long oi = 0, within1 = 0, within2 = 0, within5 = 0;
        var sizes = new List<long>();
        var leverage = new List<long>();
        var ratio = new List<long>();
        int longAccounts = 0, shortAccounts = 0, underwater = 0;
        for (int id = 0; id < exchange.AccountCount; id++)
        {
            var a = exchange.GetAccount(id);
            oi += Math.Max(0, a.Lots);
            if (a.Lots == 0 || a.IsSystem)
            {
                continue;
            }

            _ = a.Lots > 0 ? longAccounts++ : shortAccounts++;
            sizes.Add(Math.Abs(a.Lots));
            if (a.Equity <= 0)
            {
                underwater++;
            }
            else
            {
                leverage.Add((long)(new BigInteger(Math.Abs(a.Lots)) * mark * k * FixedPoint.RateScale / a.Equity));
                ratio.Add(a.MarginRatio);
            }

            long t = a.LiquidationPrice.Ticks;
            if (t == 0 || a.InLiquidation)
            {
                continue;
            }

            long atRisk = Math.Abs(a.Lots) * t * k;
            decimal distance = Math.Abs(t - mark) / (decimal)mark;
            within1 += distance <= 0.01m ? atRisk : 0;
            within2 += distance <= 0.02m ? atRisk : 0;
            within5 += distance <= 0.05m ? atRisk : 0;
            for (int b = 0; b < 2 * perSide; b++)
            {
                if (Edge(mark, b - perSide, s.BucketWidth) <= t && t < Edge(mark, b + 1 - perSide, s.BucketWidth))
                {
                    (a.Lots > 0 ? longs : shorts)[b] += atRisk;
                }
            }
        }

        Assert.Equal(longs, s.LongBuckets);
        Assert.Equal(shorts, s.ShortBuckets);
        Assert.Equal(oi, s.OpenInterestLots);
        Assert.Equal(oi * mark * k, s.OpenInterestNotional);
        Assert.Equal(longAccounts, s.LongAccounts);
        Assert.Equal(shortAccounts, s.ShortAccounts);
        Assert.Equal(underwater, s.UnderwaterAccounts);
        Assert.Equal((within1, within2, within5), (s.Within1Pct, s.Within2Pct, s.Within5Pct));
        Assert.Equal(exchange.InsuranceFundEquity, s.FundEquity);
        Assert.Equal(within1 == 0 ? null : (long?)Math.Floor(exchange.InsuranceFundEquity * (decimal)FixedPoint.RateScale / within1), s.Coverage1Pct);
        long gross = sizes.Sum();
        long top = sizes.OrderDescending().Take(10).Sum();
        Assert.Equal(gross == 0 ? null : top * FixedPoint.RateScale / gross, s.Top10Share);
        BigInteger squares = sizes.Aggregate(BigInteger.Zero, (acc, x) => acc + ((BigInteger)x * x));
        Assert.Equal(gross == 0 ? null : (long)(squares * FixedPoint.RateScale / ((BigInteger)gross * gross)), s.Herfindahl);
        Assert.Equal(shortAccounts == 0 ? null : (long)longAccounts * FixedPoint.RateScale / shortAccounts, s.LongShortRatio);
        Assert.Equal(NearestRank(leverage), (s.LeverageP10, s.LeverageP50, s.LeverageP90, s.LeverageP99));
        Assert.Equal(NearestRank(ratio), (s.MarginRatioP10, s.MarginRatioP50, s.MarginRatioP90, s.MarginRatioP99));
    }

    /// <summary>Every public property of the snapshot, the buckets included, as one line.</summary>
    private static string Describe(RiskSnapshot s) => string.Join(";", typeof(RiskSnapshot).GetProperties()
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .Select(p => p.GetValue(s) switch
        {
            long[] values => $"{p.Name}=[{string.Join(",", values)}]",
            var value => $"{p.Name}={value}",
        }));

    private static (long?, long?, long?, long?) NearestRank(List<long> values)
    {
        if (values.Count == 0)
        {
            return (null, null, null, null);
        }

        var sorted = values.Order().ToArray();
        long At(int p) => sorted[(int)Math.Ceiling(p / 100m * sorted.Length) - 1];
        return (At(10), At(50), At(90), At(99));
    }

    private static long Edge(long mark, long offset, long width) =>
        (long)Math.Floor(mark + (mark * (decimal)(offset * width) / FixedPoint.RateScale));
}
