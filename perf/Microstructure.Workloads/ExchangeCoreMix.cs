using Microstructure.Engine;
using Microstructure.Engine.Matching;

namespace Microstructure.Workloads;

/// <summary>
/// Generates exchange-core's published single-symbol benchmark mix: 9% GTC limit, 3% IOC, 6% cancel and
/// 82% move (amend to a new price), over about 1,000 resting orders on about 750 price levels, 1,000 accounts.
/// </summary>
/// <remarks>
/// The generator drives its own engine while it generates, so every cancel and move names an order that is
/// really live at that point; replaying the same array on a fresh engine reproduces the same book exactly.
/// Seeded and deterministic.
/// </remarks>
public static class ExchangeCoreMix
{
    /// <summary>Mid price of the generated book, in ticks.</summary>
    public const long MidTicks = 100_000;

    /// <summary>Half-width of the price band orders live in, in ticks (≈750 levels in all).</summary>
    public const int HalfBandTicks = 375;

    /// <summary>Target number of resting orders.</summary>
    public const int TargetOrders = 1_000;

    /// <summary>Number of distinct accounts.</summary>
    public const int Accounts = 1_000;

    /// <summary>The instrument the mix trades.</summary>
    public static InstrumentSpec Instrument { get; } =
        new("BENCH", 0.01m, 1m, new Price(1), new Price(10_000_000), new Quantity(1_000_000));

    /// <summary>Commands that build the initial book of <see cref="TargetOrders"/> resting orders.</summary>
    public static OrderCommand[] Seed(int seed) => Generate(seed, 0).Seed;

    /// <summary>
    /// Generates the seed book and then <paramref name="count"/> commands of the mix.
    /// Apply <c>Seed</c> first, then <c>Commands</c>, to a fresh engine of capacity <see cref="EngineCapacity"/>.
    /// </summary>
    public static (OrderCommand[] Seed, OrderCommand[] Commands) Generate(int seed, int count)
    {
        var random = new Random(seed);
        var engine = new MatchingEngine(Instrument, EngineCapacity);
        var live = new List<long>(TargetOrders * 2);
        long nextId = 1;
        var sink = new NullSink();

        var seedCommands = new OrderCommand[TargetOrders];
        for (int i = 0; i < seedCommands.Length; i++)
        {
            var side = (i & 1) == 0 ? Side.Buy : Side.Sell;
            seedCommands[i] = Limit(nextId++, random, side, PassivePrice(random, side), TimeInForce.Gtc);
            engine.Process(in seedCommands[i], i, ref sink);
            live.Add(seedCommands[i].OrderId.Value);
        }

        var commands = new OrderCommand[count];
        for (int i = 0; i < count; i++)
        {
            int roll = random.Next(100);
            ref OrderCommand command = ref commands[i];
            if (roll < 9 || live.Count < TargetOrders / 2)
            {
                var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                command = Limit(nextId++, random, side, PassivePrice(random, side), TimeInForce.Gtc);
                live.Add(command.OrderId.Value);
            }
            else if (roll < 12)
            {
                var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                var aggressive = side == Side.Buy ? engine.BestAsk : engine.BestBid;
                long price = aggressive.Ticks == 0 ? MidTicks : aggressive.Ticks + (side == Side.Buy ? 2 : -2);
                command = Limit(nextId++, random, side, new Price(price), TimeInForce.Ioc);
            }
            else if (roll < 18 && live.Count > TargetOrders / 2)
            {
                long id = TakeLive(live, random, engine, remove: true, out _);
                command = new OrderCommand { Type = CommandType.Cancel, OrderId = new OrderId(id), AccountId = id % Accounts };
            }
            else
            {
                long id = TakeLive(live, random, engine, remove: false, out OrderView view);
                long step = random.Next(1, 6) * (random.Next(2) == 0 ? -1 : 1);
                long price = Math.Clamp(view.Price.Ticks + step, MidTicks - HalfBandTicks, MidTicks + HalfBandTicks);
                command = new OrderCommand
                {
                    Type = CommandType.Amend,
                    OrderId = new OrderId(id),
                    AccountId = id % Accounts,
                    Price = new Price(price),
                    Quantity = view.OpenQuantity,
                };
            }

            command.Timestamp = new Timestamp(i);
            engine.Process(in command, seedCommands.Length + i, ref sink);
        }

        return (seedCommands, commands);
    }

    /// <summary>Engine capacity that comfortably holds the mix's live orders.</summary>
    public const int EngineCapacity = 1 << 14;

    /// <summary>
    /// An engine for the mix with its whole capacity reserved up front, so a timed run measures matching alone: an
    /// engine that starts at the default 4,096 nodes grows (copies its pools) once or twice while the book grows
    /// past that, which a steady-state figure must not count.
    /// </summary>
    public static MatchingEngine CreateEngine() => new(Instrument, EngineCapacity, EngineCapacity, EngineCapacity);

    private static long TakeLive(List<long> live, Random random, MatchingEngine engine, bool remove, out OrderView view)
    {
        while (true)
        {
            int index = random.Next(live.Count);
            long id = live[index];
            if (engine.TryGetOrder(new OrderId(id), out view))
            {
                if (remove)
                {
                    SwapRemove(live, index);
                }

                return id;
            }

            SwapRemove(live, index);
        }
    }

    private static void SwapRemove(List<long> live, int index)
    {
        live[index] = live[^1];
        live.RemoveAt(live.Count - 1);
    }

    private static Price PassivePrice(Random random, Side side)
    {
        int offset = random.Next(1, HalfBandTicks + 1);
        return new Price(side == Side.Buy ? MidTicks - offset : MidTicks + offset);
    }

    private static OrderCommand Limit(long id, Random random, Side side, Price price, TimeInForce tif) => new()
    {
        Type = CommandType.Place,
        OrderType = OrderType.Limit,
        TimeInForce = tif,
        Side = side,
        OrderId = new OrderId(id),
        AccountId = id % Accounts,
        Price = price,
        Quantity = new Quantity(random.Next(1, 100)),
    };

    private struct NullSink : IEngineEventSink
    {
        public readonly void OnEvent(in EngineEvent engineEvent)
        {
        }
    }
}
