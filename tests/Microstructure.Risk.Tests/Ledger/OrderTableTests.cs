using Microstructure.Engine.Matching;
using Microstructure.Risk.Ledger;
using Microstructure.Risk.Processing;
using Microstructure.Risk.Tests.TestSupport;

namespace Microstructure.Risk.Tests.Ledger;

/// <summary>The risk layer's order table grows on demand up to its capacity, which is a ceiling (issue 12 §3).</summary>
public sealed class OrderTableTests
{
    [Fact]
    public void The_table_grows_past_its_initial_slots_and_is_full_exactly_at_its_capacity()
    {
        const int Capacity = 3 * OrderTable.InitialCapacity + 5;
        var table = new OrderTable(Capacity);
        Assert.Equal(OrderTable.InitialCapacity, table.SlotCapacity);
        var heads = new int[7];
        Array.Fill(heads, -1);
        for (int i = 0; i < Capacity; i++)
        {
            Assert.True(table.Add(1_000 + i, i % 7, i % 2 == 0 ? Side.Buy : Side.Sell, 100 + i, i + 1, reduceOnly: i % 3 == 0, ref heads[i % 7]));
        }

        Assert.Equal(Capacity, table.SlotCapacity);
        Assert.False(table.Add(1, 0, Side.Buy, 1, 1, reduceOnly: false, ref heads[0]));
        for (int i = 0; i < Capacity; i++)
        {
            int slot = table.Find(1_000 + i);
            Assert.True(slot >= 0);
            Assert.Equal((i % 7, 100 + i, (long)i + 1, i % 3 == 0), (table.Account(slot), table.Price(slot), table.Open(slot), table.IsReduceOnly(slot)));
        }

        // Every account's list still links exactly its orders, newest first, across the growth steps.
        for (int account = 0; account < 7; account++)
        {
            var ids = new List<long>();
            for (int slot = heads[account]; slot >= 0; slot = table.Next(slot))
            {
                ids.Add(table.Id(slot));
            }

            Assert.Equal(Enumerable.Range(0, Capacity).Where(i => i % 7 == account).Reverse().Select(i => 1_000L + i), ids);
        }

        table.Remove(table.Find(1_003), ref heads[3]);
        Assert.True(table.Add(1, 0, Side.Buy, 1, 1, reduceOnly: false, ref heads[0]));
        Assert.Equal(Capacity, table.Count);
    }

    [Fact]
    public void An_exchange_with_the_largest_max_orders_costs_no_more_to_build_than_a_small_one()
    {
        long Build(int maxOrders)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            _ = new Exchange(Instruments.Simple() with { MaxOrders = maxOrders });
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Build(4_096);
        long small = Build(4_096);
        long largest = Build(MatchingEngine.MaxOrderCapacity);

        // Pre-allocated, 2^29 orders would be tens of gigabytes (book nodes, id index, level pool, order table).
        Assert.True(largest - small < 1_000_000, $"{largest:N0} bytes for the largest, {small:N0} for 4,096");
        var e = Assert.Throws<RiskConfigurationException>(() => new Exchange(Instruments.Simple() with { MaxOrders = MatchingEngine.MaxOrderCapacity + 1 }));
        Assert.Contains("maxOrders", e.Message, StringComparison.Ordinal);
    }
}
