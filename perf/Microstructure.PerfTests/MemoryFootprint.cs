using Microstructure.Engine;
using Microstructure.Engine.Matching;

namespace Microstructure.PerfTests;

/// <summary>Managed heap growth for a book holding one million resting orders.</summary>
internal static class MemoryFootprint
{
    public sealed record Result(int Orders, int PriceLevelPool, long TotalBytes, double BytesPerOrder, int Levels);

    /// <summary>Fills a fresh engine with <paramref name="orders"/> resting orders on 10,000 levels.</summary>
    /// <param name="orders">Resting orders (and the order pool's size).</param>
    /// <param name="priceLevelPool">Size of the shared price-level pool (at most <paramref name="orders"/>).</param>
    public static Result Run(int orders, int priceLevelPool)
    {
        long before = HeapAfterFullCollection();
        var engine = new MatchingEngine(InstrumentSpec.Default, orders, priceLevelPool);
        var sink = new NullSink();
        const int Levels = 10_000;
        for (int i = 0; i < orders; i++)
        {
            // Bids below 1,000,000 ticks and asks above it, never crossing: every order rests.
            var side = (i & 1) == 0 ? Side.Buy : Side.Sell;
            long offset = 1 + (i / 2 % (Levels / 2));
            var command = new OrderCommand
            {
                Type = CommandType.Place,
                OrderType = OrderType.Limit,
                Side = side,
                OrderId = new OrderId(i + 1),
                AccountId = i % 1000,
                Price = new Price(side == Side.Buy ? 1_000_000 - offset : 1_000_000 + offset),
                Quantity = new Quantity(1 + (i % 50)),
            };
            engine.Process(in command, i, ref sink);
        }

        if (engine.OrderCount != orders)
        {
            throw new InvalidOperationException($"Expected {orders} resting orders, the book holds {engine.OrderCount}.");
        }

        long after = HeapAfterFullCollection();
        GC.KeepAlive(engine);
        return new Result(orders, priceLevelPool, after - before, (double)(after - before) / orders, Levels);
    }

    private static long HeapAfterFullCollection()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private struct NullSink : IEngineEventSink
    {
        public readonly void OnEvent(in EngineEvent engineEvent)
        {
        }
    }
}
