using Microstructure.Engine.Matching;

namespace Microstructure.Engine.Tests.Matching;

/// <summary>
/// <c>maxOrders</c> and <c>maxPriceLevels</c> are ceilings, not reservations: the pools start small, grow on demand,
/// behave exactly as fully pre-allocated pools would, and refuse with BookFull exactly at the limit (issue 12 §3).
/// </summary>
public sealed class MatchingEngineGrowthTests
{
    private static readonly InstrumentSpec Spec = new("T", 1m, 1m, new Price(1), new Price(100_000), new Quantity(1_000_000));

    [Fact]
    public void An_engine_with_the_documented_maximum_starts_with_a_small_footprint()
    {
        foreach (var maxOrders in new[] { 1 << 26, MatchingEngine.MaxOrderCapacity })
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var engine = new MatchingEngine(Spec, maxOrders);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // Pre-allocated, 2^26 orders took 11.6 GB; growable, the engine starts at 4,096 nodes and levels.
            Assert.True(allocated < 2_000_000, $"maxOrders {maxOrders}: {allocated:N0} bytes allocated at construction");
            Assert.Equal(MatchingEngine.InitialCapacity, engine.NodeCapacity);
            Assert.Equal(MatchingEngine.InitialCapacity, engine.LevelCapacity);
        }
    }

    [Fact]
    public void An_initial_capacity_of_max_orders_reserves_everything_up_front_and_nothing_grows()
    {
        var engine = new MatchingEngine(Spec, 10_000, 10_000, initialCapacity: 10_000);
        Assert.Equal((10_000, 10_000), (engine.NodeCapacity, engine.LevelCapacity));
        var sink = new CountingSink();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i <= 10_000; i++)
        {
            var c = new OrderCommand
            {
                Type = CommandType.Place, OrderType = OrderType.Limit, Side = Side.Buy, OrderId = new OrderId(i), AccountId = 1,
                Price = new Price(1 + (i % 4000)), Quantity = new Quantity(1),
            };
            engine.Process(in c, i, ref sink);
        }

        Assert.Equal(10_000, engine.OrderCount);
        Assert.Equal((10_000, 10_000), (engine.NodeCapacity, engine.LevelCapacity));

        // Only the price directory's and the bitmap's pages, allocated where prices first appear.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000);
    }

    [Fact]
    public void A_max_orders_beyond_what_the_engine_can_index_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MatchingEngine(Spec, MatchingEngine.MaxOrderCapacity + 1));
        Assert.Equal("maxOrders", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatchingEngine(Spec, int.MaxValue));
    }

    [Fact]
    public void A_huge_engine_that_grows_emits_exactly_what_a_fully_preallocated_engine_emits()
    {
        // Up to ~40,000 live orders: the huge engine's pools double from 4,096 four times or more, mid-stream, while
        // orders rest, trade, are amended, reduced and cancelled and stops wait and trigger.
        var commands = Workload(seed: 7, count: 120_000);
        var grown = new MatchingEngine(Spec, 1 << 26);
        var preallocated = new MatchingEngine(Spec, 1 << 17, 1 << 17, initialCapacity: 1 << 17);
        var a = new List<EngineEvent>();
        var b = new List<EngineEvent>();
        var sinkA = new RecordingSink(a);
        var sinkB = new RecordingSink(b);
        var peak = 0;
        for (var i = 0; i < commands.Length; i++)
        {
            a.Clear();
            b.Clear();
            grown.Process(in commands[i], i + 1, ref sinkA);
            preallocated.Process(in commands[i], i + 1, ref sinkB);
            if (!a.SequenceEqual(b))
            {
                Assert.Fail($"command {i + 1}: grown engine emitted [{string.Join("; ", a.Select(EngineHarness.Format))}], pre-allocated [{string.Join("; ", b.Select(EngineHarness.Format))}]");
            }

            peak = Math.Max(peak, grown.OrderCount);
        }

        Assert.Equal(preallocated.OrderCount, grown.OrderCount);
        Assert.True(peak > 4 * MatchingEngine.InitialCapacity, $"peak {peak} live orders: the workload must force several doublings");
        Assert.True(grown.NodeCapacity >= peak && grown.NodeCapacity < 1 << 17, $"node pool {grown.NodeCapacity} for a peak of {peak}");
        Assert.Equal(preallocated.BestBid, grown.BestBid);
        Assert.Equal(preallocated.BestAsk, grown.BestAsk);
        var levelsA = new L2Level[4096];
        var levelsB = new L2Level[4096];
        foreach (var side in new[] { Side.Buy, Side.Sell })
        {
            var n = grown.SnapshotL2(side, levelsA);
            Assert.Equal(preallocated.SnapshotL2(side, levelsB), n);
            Assert.Equal(levelsB.AsSpan(0, n).ToArray(), levelsA.AsSpan(0, n).ToArray());
        }
    }

    [Fact]
    public void Book_full_comes_exactly_at_the_order_limit_after_growth()
    {
        const int Limit = 37; // not a power of two: the last growth step stops at the limit
        var h = new EngineHarness(new MatchingEngine(Spec, Limit, Limit, initialCapacity: 1));
        for (var i = 1; i <= Limit - 1; i++)
        {
            Assert.Equal("Accepted", h.Limit(i, Side.Buy, 1000 - i, 1)[0].Split(' ')[0]);
        }

        Assert.Equal("Accepted", h.Stop(Limit, Side.Sell, stop: 10, qty: 1)[0].Split(' ')[0]);
        Assert.Equal(Limit, h.Engine.OrderCount);
        Assert.Equal(Limit, h.Engine.NodeCapacity);

        Assert.Equal(new[] { "Rejected 100 BookFull" }, h.Limit(100, Side.Buy, 500, 1));
        Assert.Equal(new[] { "Rejected 101 BookFull" }, h.Stop(101, Side.Sell, stop: 10, qty: 1));
        Assert.Equal(new[] { "Rejected 102 BookFull" }, h.Limit(102, Side.Buy, 999, 1)); // even at an existing level

        // Orders that never rest still work, and a freed node is reused.
        Assert.Equal("Accepted 103 Buy px=2000 q=1", h.Limit(103, Side.Buy, 2000, 1, tif: TimeInForce.Ioc)[0]);
        h.Cancel(5);
        Assert.Equal("Accepted 104 Buy px=500 q=1", h.Limit(104, Side.Buy, 500, 1)[0]);
        Assert.Equal(new[] { "Rejected 105 BookFull" }, h.Limit(105, Side.Buy, 501, 1));
        Assert.Equal(Limit, h.Engine.NodeCapacity);
    }

    [Fact]
    public void Book_full_comes_exactly_at_the_level_limit_after_growth()
    {
        const int Levels = 21;
        var h = new EngineHarness(new MatchingEngine(Spec, 100, Levels, initialCapacity: 1));
        for (var i = 1; i <= Levels; i++)
        {
            Assert.Equal("Accepted", h.Limit(i, i % 2 == 0 ? Side.Buy : Side.Sell, i % 2 == 0 ? 1000 - i : 2000 + i, 1)[0].Split(' ')[0]);
        }

        Assert.Equal(Levels, h.Engine.LevelCapacity);
        Assert.Equal(new[] { "Rejected 50 BookFull" }, h.Limit(50, Side.Buy, 500, 1));
        Assert.Equal("Accepted 51 Buy px=998 q=1", h.Limit(51, Side.Buy, 998, 1)[0]);

        // An amend to a new price needs a level unless the order is alone in its own.
        Assert.Equal(new[] { "Rejected 51 BookFull" }, h.Amend(51, 950, 1));
        Assert.Equal("Amended 4 px=950 q=1", h.Amend(4, 950, 1)[0]);
    }

    [Fact]
    public void The_level_pool_grows_when_a_triggered_stop_limit_or_an_amend_needs_a_new_level()
    {
        var h = new EngineHarness(new MatchingEngine(Spec, 64, 64, initialCapacity: 1));
        h.Limit(1, Side.Sell, 101, 2, account: 2);
        h.Stop(2, Side.Buy, stop: 101, qty: 2, limit: 99);
        Assert.Equal(1, h.Engine.LevelCapacity);

        // The trade at 101 triggers the stop; its limit at 99 needs a second level while the first is in use.
        Assert.Contains("StopTriggered 2 q=2", h.Limit(3, Side.Buy, 101, 1, account: 3, tif: TimeInForce.Ioc));
        Assert.True(h.Engine.TryGetOrder(new OrderId(2), out var stop) && !stop.IsPendingStop);
        Assert.Equal(new[] { new L2Level(new Price(99), new Quantity(2), 1) }, h.Levels(Side.Buy));

        h.Limit(4, Side.Buy, 99, 1);
        Assert.Equal("Amended 4 px=97 q=1", h.Amend(4, 97, 1)[0]);
        Assert.Equal(3, h.Levels(Side.Buy).Length + h.Levels(Side.Sell).Length);
        Assert.True(h.Engine.LevelCapacity >= 3);
    }

    /// <summary>
    /// A book that builds up to tens of thousands of resting orders and stops, then churns: GTC limits, IOCs that
    /// cross, cancels, reduces, amends (in place and re-priced), stop-markets and stop-limits.
    /// </summary>
    private static OrderCommand[] Workload(int seed, int count)
    {
        var random = new Random(seed);
        var live = new List<(long Id, long Account)>();
        var commands = new OrderCommand[count];
        long nextId = 1;
        const long Mid = 50_000;
        for (var i = 0; i < commands.Length; i++)
        {
            var roll = random.Next(100);
            var building = i < count / 2;
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var account = random.Next(1, 500);
            var ts = new Timestamp(i);
            if (live.Count == 0 || roll < (building ? 70 : 30))
            {
                var price = side == Side.Buy ? Mid - 1 - random.Next(3000) : Mid + 1 + random.Next(3000);
                var id = nextId++;
                live.Add((id, account));
                commands[i] = new OrderCommand
                {
                    Type = CommandType.Place, OrderType = OrderType.Limit, Side = side, OrderId = new OrderId(id), AccountId = account,
                    Price = new Price(price), Quantity = new Quantity(random.Next(1, 40)), Timestamp = ts,
                    DisplayQuantity = new Quantity(random.Next(10) == 0 ? 1 : 0),
                };
            }
            else if (roll < (building ? 73 : 40))
            {
                commands[i] = new OrderCommand
                {
                    Type = CommandType.Place, OrderType = OrderType.Limit, TimeInForce = TimeInForce.Ioc, Side = side,
                    OrderId = new OrderId(nextId++), AccountId = account, Price = new Price(side == Side.Buy ? Mid + 50 : Mid - 50),
                    Quantity = new Quantity(random.Next(1, 200)), Timestamp = ts,
                };
            }
            else if (roll < (building ? 76 : 45))
            {
                var id = nextId++;
                live.Add((id, account));
                var stop = side == Side.Buy ? Mid + random.Next(1, 200) : Mid - random.Next(1, 200);
                commands[i] = new OrderCommand
                {
                    Type = CommandType.Place, OrderType = random.Next(2) == 0 ? OrderType.StopMarket : OrderType.StopLimit, Side = side,
                    OrderId = new OrderId(id), AccountId = account, StopPrice = new Price(stop),
                    Price = new Price(side == Side.Buy ? stop + 5 : stop - 5), Quantity = new Quantity(random.Next(1, 20)), Timestamp = ts,
                };
            }
            else
            {
                var k = random.Next(live.Count);
                var (id, owner) = live[k];
                var type = roll < 85 ? CommandType.Cancel : roll < 90 ? CommandType.Reduce : CommandType.Amend;
                if (type == CommandType.Cancel)
                {
                    live[k] = live[^1];
                    live.RemoveAt(live.Count - 1);
                }

                commands[i] = new OrderCommand
                {
                    Type = type, OrderId = new OrderId(id), AccountId = owner, Timestamp = ts,
                    Price = new Price(Mid + random.Next(-3000, 3000)), Quantity = new Quantity(random.Next(1, 40)),
                };
            }
        }

        return commands;
    }
}

public sealed class MatchingEngineLevelQueryTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(100_000_001L)]
    [InlineData(long.MaxValue)]
    public void A_level_query_outside_the_instruments_bounds_is_an_empty_level(long ticks)
    {
        var engine = new MatchingEngine(InstrumentSpec.Default, maxOrders: 64, maxPriceLevels: 64);

        var level = engine.GetLevel(Side.Buy, new Price(ticks));

        Assert.Equal(0, level.OrderCount);
        Assert.Equal(Quantity.Zero, level.Quantity);
        Assert.Equal(0, engine.CopyLevelOrderIds(Side.Sell, new Price(ticks), new OrderId[4]));
    }
}
