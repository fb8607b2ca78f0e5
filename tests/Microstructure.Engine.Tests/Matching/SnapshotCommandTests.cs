namespace Microstructure.Engine.Tests.Matching;

public sealed class SnapshotCommandTests
{
    [Fact]
    public void Snapshot_command_emits_bids_then_asks_best_first_with_hidden_reserve_and_counts_and_changes_nothing()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Buy, 100, 10, display: 2);
        h.Limit(2, Side.Buy, 100, 3);
        h.Limit(3, Side.Buy, 98, 4);
        h.Limit(4, Side.Sell, 103, 7, account: 2);

        Assert.Equal(
            new[]
            {
                "L2 Buy #0 px=100 q=5 open=13 n=2",
                "L2 Buy #1 px=98 q=4 open=4 n=1",
                "L2 Sell #0 px=103 q=7 open=7 n=1",
            },
            h.Snapshot(depth: 5));
        Assert.Equal(new[] { "L2 Buy #0 px=100 q=5 open=13 n=2", "L2 Sell #0 px=103 q=7 open=7 n=1" }, h.Snapshot(depth: 1));
        Assert.Equal(4, h.Engine.OrderCount);
    }

    [Fact]
    public void Snapshot_of_an_empty_book_emits_nothing_and_a_non_positive_depth_is_rejected()
    {
        var h = new EngineHarness();
        Assert.Empty(h.Snapshot(depth: 3));
        Assert.Equal(new[] { "Rejected 0 InvalidQuantity" }, h.Snapshot(depth: 0));
    }
}
