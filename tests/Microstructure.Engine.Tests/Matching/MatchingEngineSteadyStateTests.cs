using Microstructure.Engine.Matching;
using Microstructure.Engine.Tests.TestSupport;

namespace Microstructure.Engine.Tests.Matching;

public sealed class MatchingEngineSteadyStateTests
{
    /// <summary>A rough exchange-core-like mix: 9% GTC (a cancel instead once 1,000 are live), 3% IOC, 6% cancel, 82% amend-price.</summary>
    internal static OrderCommand[] BuildMix(int count, int seed, out OrderCommand[] warmup)
    {
        var random = new Random(seed);
        var live = new List<(long Id, Side Side, long Price, long Account)>();
        var nextId = 1L;
        const long Mid = 10_000;
        OrderCommand NewGtc()
        {
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var price = side == Side.Buy ? Mid - 1 - random.Next(400) : Mid + 1 + random.Next(400);
            var id = nextId++;
            var account = random.Next(1, 200);
            live.Add((id, side, price, account));
            return new OrderCommand
            {
                Type = CommandType.Place, OrderType = OrderType.Limit, Side = side, OrderId = new OrderId(id), AccountId = account,
                Price = new Price(price), Quantity = new Quantity(random.Next(1, 50)),
            };
        }

        warmup = new OrderCommand[1000];
        for (var i = 0; i < warmup.Length; i++)
        {
            warmup[i] = NewGtc();
        }

        var commands = new OrderCommand[count];
        for (var i = 0; i < count; i++)
        {
            var r = random.Next(100);
            if ((r < 9 && live.Count < 1000) || live.Count < 500)
            {
                commands[i] = NewGtc();
            }
            else if (r >= 9 && r < 12)
            {
                var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                commands[i] = new OrderCommand
                {
                    Type = CommandType.Place, OrderType = OrderType.Limit, TimeInForce = TimeInForce.Ioc, Side = side,
                    OrderId = new OrderId(nextId++), AccountId = random.Next(1, 200),
                    Price = new Price(side == Side.Buy ? Mid + 2 : Mid - 2), Quantity = new Quantity(random.Next(1, 10)),
                };
            }
            else if (r < 18)
            {
                var k = random.Next(live.Count);
                var o = live[k];
                live[k] = live[^1];
                live.RemoveAt(live.Count - 1);
                commands[i] = new OrderCommand { Type = CommandType.Cancel, OrderId = new OrderId(o.Id), AccountId = o.Account };
            }
            else
            {
                var k = random.Next(live.Count);
                var o = live[k];
                var price = Math.Max(1, o.Price + random.Next(-10, 11));
                price = o.Side == Side.Buy ? Math.Min(price, Mid - 1) : Math.Max(price, Mid + 1);
                live[k] = (o.Id, o.Side, price, o.Account);
                commands[i] = new OrderCommand
                {
                    Type = CommandType.Amend, OrderId = new OrderId(o.Id), AccountId = o.Account, Price = new Price(price),
                    Quantity = new Quantity(random.Next(1, 50)),
                };
            }
        }

        return commands;
    }

    [Fact]
    public void Steady_state_mix_allocates_nothing()
    {
        var commands = BuildMix(200_000, 7, out var warmup);
        var engine = new MatchingEngine(InstrumentSpec.Default, 100_000);
        var sink = new CountingSink();
        for (var i = 0; i < warmup.Length; i++)
        {
            engine.Process(in warmup[i], i, ref sink);
        }

        // First pass JIT-compiles (and tiers up) every path; the measured pass must allocate nothing.
        for (var i = 0; i < 20_000; i++)
        {
            engine.Process(in commands[i], i, ref sink);
        }

        const int Window = 60_000;
        var allocated = SteadyStateAllocation.MinimumBytes(w =>
        {
            for (var i = 20_000 + (w * Window); i < 20_000 + ((w + 1) * Window); i++)
            {
                engine.Process(in commands[i], i, ref sink);
            }
        });
        Assert.Equal(0, allocated);
        Assert.True(sink.Count > Window, "the mix should produce events");
        Assert.True(engine.OrderCount > 300);
    }

    [Fact]
    public void Stops_icebergs_and_self_trade_prevention_allocate_nothing_after_warmup()
    {
        var engine = new MatchingEngine(InstrumentSpec.Default, 1024);
        var sink = new CountingSink();
        void Round(long baseId)
        {
            var c = new OrderCommand
            {
                Type = CommandType.Place, OrderType = OrderType.Limit, Side = Side.Sell, OrderId = new OrderId(baseId), AccountId = 1,
                Price = new Price(100), Quantity = new Quantity(10), DisplayQuantity = new Quantity(2),
            };
            engine.Process(in c, 1, ref sink);
            c = new OrderCommand
            {
                Type = CommandType.Place, OrderType = OrderType.StopMarket, Side = Side.Buy, OrderId = new OrderId(baseId + 1), AccountId = 2,
                StopPrice = new Price(100), Quantity = new Quantity(3),
            };
            engine.Process(in c, 2, ref sink);
            c = new OrderCommand
            {
                Type = CommandType.Place, OrderType = OrderType.Market, TimeInForce = TimeInForce.Fok, Side = Side.Buy,
                OrderId = new OrderId(baseId + 2), AccountId = 3, Quantity = new Quantity(3),
            };
            engine.Process(in c, 3, ref sink);
            c = new OrderCommand
            {
                Type = CommandType.Place, OrderType = OrderType.Limit, Side = Side.Buy, OrderId = new OrderId(baseId + 3), AccountId = 1,
                Price = new Price(100), Quantity = new Quantity(20), SelfTradePrevention = SelfTradePrevention.Decrement,
            };
            engine.Process(in c, 4, ref sink);
            c = new OrderCommand { Type = CommandType.Cancel, OrderId = new OrderId(baseId + 3), AccountId = 1 };
            engine.Process(in c, 5, ref sink);
        }

        for (var i = 0; i < 2000; i++)
        {
            Round(10 + (i * 10));
        }

        var allocated = SteadyStateAllocation.MinimumBytes(w =>
        {
            for (var i = 2000 + (w * 2000); i < 4000 + (w * 2000); i++)
            {
                Round(10 + (i * 10));
            }
        });
        Assert.Equal(0, allocated);
        Assert.Equal(0, engine.OrderCount);
    }
}
