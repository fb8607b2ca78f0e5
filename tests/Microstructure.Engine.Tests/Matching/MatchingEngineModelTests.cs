using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microstructure.Engine.Matching;

namespace Microstructure.Engine.Tests.Matching;

/// <summary>
/// Model-based properties: random command sequences run through the engine and through <see cref="ReferenceBook"/>
/// must give identical event streams and identical books, and the engine's invariants must hold after every command.
/// </summary>
public sealed class MatchingEngineModelTests
{
    private const long MinPrice = 95;
    private const long MaxPrice = 105;
    private const long MaxQuantity = 40;
    private const int MaxOrders = 16;

    private static readonly Gen<OrderCommand> CommandGen = CreateCommandGen();

    /// <summary>Prices 97,531 ticks apart: levels land in different words and levels of the price bitmap.</summary>
    private const long WideSpread = 97_531;

    [Fact]
    public void Engine_and_reference_book_emit_identical_events_and_keep_invariants()
    {
        var sequences = Gen.Choose(1, 120).SelectMany(n => Gen.ArrayOf(CommandGen, n));
        var property = Prop.ForAll(Arb.From(sequences), commands => RunAndCompare(commands, Setup.Default));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2500), property);
    }

    [Fact]
    public void Engine_and_reference_book_agree_on_long_runs_with_a_full_pool()
    {
        var sequences = Gen.Choose(400, 800).SelectMany(n => Gen.ArrayOf(CommandGen, n));
        var property = Prop.ForAll(Arb.From(sequences), commands => RunAndCompare(commands, Setup.Default));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), property);
    }

    [Fact]
    public void Engine_and_reference_book_agree_when_the_price_level_pool_is_smaller_than_the_order_pool()
    {
        var sequences = Gen.Choose(50, 300).SelectMany(n => Gen.ArrayOf(CommandGen, n));
        var property = Prop.ForAll(Arb.From(sequences), commands => RunAndCompare(commands, Setup.Default with { MaxLevels = 3 }));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(600), property);
    }

    [Fact]
    public void Engine_and_reference_book_agree_when_the_pools_start_at_one_node_and_grow_on_demand()
    {
        // Node pool 1 → 2 → 4 → 8 → 16 and level pool 1 → 16 (or → 3) while orders rest, match, amend and cancel:
        // every growth step happens mid-run, and BookFull must still come exactly at the limits.
        var sequences = Gen.Choose(1, 300).SelectMany(n => Gen.ArrayOf(CommandGen, n));
        var property = Prop.ForAll(Arb.From(sequences), commands =>
        {
            RunAndCompare(commands, Setup.Default with { InitialCapacity = 1 });
            RunAndCompare(commands, Setup.Default with { InitialCapacity = 1, MaxLevels = 3 });
            RunAndCompare(commands, Setup.Wide with { InitialCapacity = 1 });
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(600), property);
    }

    [Fact]
    public void Engine_and_reference_book_agree_on_prices_spread_across_the_whole_bitmap()
    {
        var sequences = Gen.Choose(1, 200).SelectMany(n => Gen.ArrayOf(CommandGen, n));
        var property = Prop.ForAll(Arb.From(sequences), commands => RunAndCompare(commands, Setup.Wide));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(600), property);
    }

    [Fact]
    public void Engine_and_reference_book_agree_on_neighbouring_prices_near_a_trillion_ticks()
    {
        // A 0.00001 tick on a 10M-quote instrument: 10^12 ticks; the book trades near the top of the range.
        var sequences = Gen.Choose(1, 200).SelectMany(n => Gen.ArrayOf(CommandGen, n));
        var property = Prop.ForAll(Arb.From(sequences), commands => RunAndCompare(commands, Setup.NearATrillion));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Theory]
    [InlineData(71_234_567_891L)] // neighbouring prices 7 × 10^10 apart, up to 10^12 ticks: a page each
    [InlineData(MatchingEngine.MaxPriceRange / 11)] // nearly the widest range the engine accepts
    public void Engine_and_reference_book_agree_on_prices_far_apart_in_a_wide_range(long spread)
    {
        var sequences = Gen.Choose(1, 200).SelectMany(n => Gen.ArrayOf(CommandGen, n));
        var setup = new Setup(Setup.Stretch(MinPrice, 1, spread), Setup.Stretch(MaxPrice, 1, spread), MaxOrders, spread);
        var property = Prop.ForAll(Arb.From(sequences), commands => RunAndCompare(commands, setup));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void Generated_sequences_exercise_every_event_kind_and_reason()
    {
        var seen = new HashSet<string>();
        foreach (var commands in Gen.Sample(Gen.ArrayOf(CommandGen, 300), 200))
        {
            var engine = new MatchingEngine(new InstrumentSpec("T", 1m, 1m, new Price(MinPrice), new Price(MaxPrice), new Quantity(MaxQuantity)), maxOrders: 8);
            var events = new List<EngineEvent>();
            var sink = new RecordingSink(events);
            for (var k = 0; k < commands.Length; k++)
            {
                engine.Process(in commands[k], k, ref sink);
            }

            foreach (var e in events)
            {
                seen.Add(e.Type switch
                {
                    EngineEventType.Cancelled => $"Cancelled:{e.CancelReason}",
                    EngineEventType.Rejected => $"Rejected:{e.RejectReason}",
                    EngineEventType.Trade when e.MakerAccountId == e.AccountId => "SelfTrade",
                    _ => e.Type.ToString(),
                });
            }
        }

        var required = new[]
        {
            "Accepted", "Trade", "SelfTrade", "TopOfBook", "StopTriggered", "Amended",
            "Cancelled:UserRequested", "Cancelled:Expired", "Cancelled:SelfTradePrevention",
            "Rejected:InvalidQuantity", "Rejected:InvalidPrice", "Rejected:DuplicateOrderId", "Rejected:UnknownOrder",
            "Rejected:PostOnlyWouldCross", "Rejected:FokNotFillable", "Rejected:InvalidOrder", "Rejected:BookFull", "Rejected:NotOwner",
            "L2Level",
        };
        Assert.Empty(required.Except(seen));
    }

    private static Gen<OrderCommand> CreateCommandGen()
    {
        var side = Gen.Elements(Side.Buy, Side.Sell);
        var id = Gen.Choose(1, 24);
        var price = Gen.Frequency((30, Gen.Choose((int)MinPrice + 2, (int)MaxPrice - 2)), (1, Gen.Choose((int)MinPrice - 2, (int)MaxPrice + 2)));
        var qty = Gen.Frequency((30, Gen.Choose(1, 12)), (1, Gen.Choose(-1, 0)), (1, Gen.Constant((int)MaxQuantity + 1)));
        var display = Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Choose(1, 4)), (1, Gen.Choose(5, 14)));
        var orderType = Gen.Frequency(
            (12, Gen.Constant(OrderType.Limit)), (3, Gen.Constant(OrderType.Market)),
            (2, Gen.Constant(OrderType.StopMarket)), (2, Gen.Constant(OrderType.StopLimit)));
        var tif = Gen.Frequency((6, Gen.Constant(TimeInForce.Gtc)), (2, Gen.Constant(TimeInForce.Ioc)), (2, Gen.Constant(TimeInForce.Fok)));
        var flags = Gen.Frequency(
            (12, Gen.Constant(OrderFlags.None)), (3, Gen.Constant(OrderFlags.PostOnly)),
            (2, Gen.Constant(OrderFlags.ReduceOnly)), (1, Gen.Constant(OrderFlags.PostOnly | OrderFlags.ReduceOnly)));
        var stp = Gen.Elements(
            SelfTradePrevention.None, SelfTradePrevention.CancelNewest, SelfTradePrevention.CancelOldest,
            SelfTradePrevention.CancelBoth, SelfTradePrevention.Decrement);
        var type = Gen.Frequency(
            (10, Gen.Constant(CommandType.Place)), (2, Gen.Constant(CommandType.Cancel)),
            (2, Gen.Constant(CommandType.Reduce)), (4, Gen.Constant(CommandType.Amend)), (1, Gen.Constant(CommandType.SnapshotL2)));

        // Accounts follow the id most of the time (so cancels are usually by the owner and some ids share an
        // account, which makes self-trades frequent); sometimes a random account tests NotOwner and STP further.
        var account = Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(1, 3)));

        return from t in type
               from i in id
               from a in account
               from s in side
               from ot in orderType
               from tf in tif
               from f in flags
               from m in stp
               from p in price
               from sp in price
               from q in qty
               from d in display
               select new OrderCommand
               {
                   Type = t,
                   OrderId = new OrderId(i),
                   AccountId = a == 0 ? (i % 3) + 1 : a,
                   Side = s,
                   OrderType = ot,
                   TimeInForce = tf,
                   Flags = f,
                   SelfTradePrevention = m,
                   Price = new Price(p),
                   StopPrice = new Price(sp),
                   Quantity = new Quantity(q),
                   DisplayQuantity = new Quantity(ot == OrderType.Limit && tf == TimeInForce.Gtc ? d : (d > 4 ? 1 : 0)),
                   Timestamp = new Timestamp(i * 1000L + q),
               };
    }

    private static void RunAndCompare(OrderCommand[] commands, Setup setup)
    {
        commands = commands.Select(setup.Map).ToArray();
        var spec = new InstrumentSpec("T", 1m, 1m, new Price(setup.MinPrice), new Price(setup.MaxPrice), new Quantity(MaxQuantity));
        var engine = new MatchingEngine(spec, MaxOrders, setup.MaxLevels, setup.InitialCapacity);
        var model = new ReferenceBook(MaxOrders, setup.MinPrice, setup.MaxPrice, MaxQuantity, setup.MaxLevels);
        var events = new List<EngineEvent>();
        var ledger = new QuantityLedger();
        for (var k = 0; k < commands.Length; k++)
        {
            events.Clear();
            var sink = new RecordingSink(events);
            engine.Process(in commands[k], k + 1, ref sink);
            var expected = model.Process(commands[k], k + 1);
            if (!expected.SequenceEqual(events))
            {
                throw new InvalidOperationException(Describe(commands, k, expected, events));
            }

            try
            {
                ledger.Apply(events);
                CheckInvariants(engine, model, ledger, events, k + 1);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException(ex.Message + Environment.NewLine + Describe(commands, k, expected, events), ex);
            }
        }
    }

    private static void CheckInvariants(MatchingEngine engine, ReferenceBook model, QuantityLedger ledger, List<EngineEvent> events, long sequence)
    {
        // Never crossed.
        if (engine.BestBid != Price.Zero && engine.BestAsk != Price.Zero)
        {
            Assert.True(engine.BestBid < engine.BestAsk, $"crossed book {engine.BestBid} / {engine.BestAsk}");
        }

        // At most one top-of-book event, and it is last.
        var tops = events.Count(e => e.Type == EngineEventType.TopOfBook);
        Assert.True(tops <= 1);
        Assert.True(tops == 0 || events[^1].Type == EngineEventType.TopOfBook);

        Assert.Equal(model.LiveCount, engine.OrderCount);
        Assert.Equal(new Price(model.Last), engine.LastTradePrice);

        // Quantity conserved per order: what the events say is open equals what the engine holds.
        foreach (var (id, open) in ledger.Open)
        {
            if (engine.TryGetOrder(new OrderId(id), out var view))
            {
                Assert.Equal(open, view.OpenQuantity.Lots);
            }
            else
            {
                Assert.Equal(0, open);
            }
        }

        // Quantity conserved in total, with the engine's own level totals (not the ledger's) as what rests:
        // submitted = resting + pending stops + filled + cancelled. A level total that drifted from its orders fails here.
        var snapshot = new List<EngineEvent>();
        var snapshotSink = new RecordingSink(snapshot);
        var snapshotCommand = new OrderCommand { Type = CommandType.SnapshotL2, Quantity = new Quantity(MaxOrders) };
        engine.Process(in snapshotCommand, sequence, ref snapshotSink);
        long resting = snapshot.Sum(e => e.RemainingQuantity.Lots);
        long pendingStops = model.Stops.Sum(s => s.Open);
        Assert.Equal(ledger.Submitted, resting + pendingStops + ledger.Filled + ledger.Cancelled);

        foreach (var side in new[] { Side.Buy, Side.Sell })
        {
            // Same levels, same queues (FIFO, documented re-queues included) as the model.
            var modelOrders = model.SideInPriority(side);
            var levels = new L2Level[64];
            var count = engine.SnapshotL2(side, levels);
            var modelLevels = modelOrders.GroupBy(o => o.Price)
                .Select(g => new L2Level(new Price(g.Key), new Quantity(g.Sum(o => o.Visible)), g.Count())).ToArray();
            Assert.Equal(modelLevels, levels.Take(count).ToArray());

            var engineQueue = new List<long>();
            var ids = new OrderId[MaxOrders];
            var sideLevels = snapshot.Where(e => e.Side == side).ToList();
            Assert.Equal(count, sideLevels.Count);
            for (var rank = 0; rank < count; rank++)
            {
                var n = engine.GetLevelOrders(side, rank, ids);

                // The level's running totals equal the sums over its orders.
                var views = ids.Take(n).Select(id => engine.TryGetOrder(id, out var v) ? v : default).ToList();
                Assert.Equal(rank, sideLevels[rank].Level);
                Assert.Equal(n, sideLevels[rank].OrderCount);
                Assert.Equal(views.Sum(v => v.VisibleQuantity.Lots), sideLevels[rank].Quantity.Lots);
                Assert.Equal(views.Sum(v => v.OpenQuantity.Lots), sideLevels[rank].RemainingQuantity.Lots);

                for (var j = 0; j < n; j++)
                {
                    Assert.True(engine.TryGetOrder(ids[j], out var view));
                    Assert.False(view.IsPendingStop);
                    Assert.True(view.VisibleQuantity.Lots > 0 && view.VisibleQuantity <= view.OpenQuantity);
                    engineQueue.Add(ids[j].Value);
                }
            }

            // FIFO within each level: the engine's queues, front to back, are the model's arrival order (the model
            // keeps an explicit arrival number per order and sorts by it).
            Assert.Equal(modelOrders.Select(o => o.Id), engineQueue);
        }

        foreach (var stop in model.Stops)
        {
            Assert.True(engine.TryGetOrder(new OrderId(stop.Id), out var view));
            Assert.True(view.IsPendingStop);
            Assert.Equal(stop.Open, view.OpenQuantity.Lots);
        }
    }

    private static string Describe(OrderCommand[] commands, int failedAt, List<EngineEvent> expected, List<EngineEvent> actual)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Commands:");
        for (var k = 0; k <= failedAt; k++)
        {
            var c = commands[k];
            sb.AppendLine(
                $"  #{k + 1} {c.Type} id={c.OrderId} acct={c.AccountId} {c.Side} {c.OrderType} {c.TimeInForce} {c.Flags} stp={c.SelfTradePrevention} px={c.Price} stop={c.StopPrice} q={c.Quantity} disp={c.DisplayQuantity}");
        }

        sb.AppendLine("Expected (reference):");
        foreach (var e in expected)
        {
            sb.AppendLine("  " + EngineHarness.Format(e) + $" | acct={e.AccountId} makerAcct={e.MakerAccountId} px={e.Price}");
        }

        sb.AppendLine("Actual (engine):");
        foreach (var e in actual)
        {
            sb.AppendLine("  " + EngineHarness.Format(e) + $" | acct={e.AccountId} makerAcct={e.MakerAccountId} px={e.Price}");
        }

        return sb.ToString();
    }

    /// <summary>How a property run builds its books: price bounds, level pool, and how generated prices map onto them.</summary>
    private sealed record Setup(long MinPrice, long MaxPrice, int MaxLevels, long Spread, long Base = 1)
    {
        /// <summary>Nodes and levels the engine's pools start with (the default keeps them at their maximum from the start).</summary>
        public int InitialCapacity { get; init; } = MaxOrders;

        public static Setup Default { get; } = new(MatchingEngineModelTests.MinPrice, MatchingEngineModelTests.MaxPrice, MaxOrders, 1);

        /// <summary>The same small price grid stretched so neighbouring prices are <see cref="WideSpread"/> ticks apart.</summary>
        public static Setup Wide { get; } = new(Stretch(MatchingEngineModelTests.MinPrice, 1, WideSpread), Stretch(MatchingEngineModelTests.MaxPrice, 1, WideSpread), MaxOrders, WideSpread);

        /// <summary>The small grid moved to just under 10^12 ticks (the top of the book's range), in a book whose range starts at 1.</summary>
        public static Setup NearATrillion { get; } = new(1, 999_999_999_912, MaxOrders, 1, 999_999_999_900);

        public OrderCommand Map(OrderCommand c)
        {
            c.Price = new Price(Map(c.Price.Ticks));
            c.StopPrice = new Price(Map(c.StopPrice.Ticks));
            return c;
        }

        /// <summary>Where generated price <paramref name="ticks"/> (≥ MinPrice − 2 of the small grid) lands; 0 stays 0.</summary>
        public static long Stretch(long ticks, long @base, long spread) =>
            ticks == 0 ? 0 : @base + ((ticks - (MatchingEngineModelTests.MinPrice - 2)) * spread);

        private long Map(long ticks) => Spread == 1 && Base == 1 ? ticks : Stretch(ticks, Base, Spread);
    }
}
