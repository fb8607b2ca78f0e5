using Microstructure.Analysis.Recording;

namespace Microstructure.Analysis.Tests.Recording;

public sealed class RecordedShockTests
{
    private static TakerOrder Order(long time, long account, long notional) => new() { TimeNs = time, Account = account, Notional = notional };

    [Fact]
    public void An_account_shock_takes_the_notional_its_account_filled_until_the_next_shock()
    {
        RecordedShock[] shocks =
        [
            new(100, 9_000, "market sell 9 lots", AccountId: 7),
            new(200, 0, "index jump -1.00%"),
            new(300, 5_000, "market sell 5 lots", AccountId: 7),
        ];
        TakerOrder[] orders =
        [
            Order(50, 7, 111),   // before the first shock: not part of it
            Order(101, 7, 2_000),
            Order(150, 3, 4_000), // another account
            Order(199, 7, 500),
            Order(250, 7, 60),    // after the index jump, before account 7's next shock: still the first shock's
            Order(301, 7, 5_000),
        ];

        var resolved = RecordedShock.WithFilledNotional(shocks, orders);

        Assert.Equal([2_560L, 0L, 5_000L], resolved.Select(s => s.Notional));
        Assert.Equal(shocks.Select(s => s.Label), resolved.Select(s => s.Label));
    }

    [Fact]
    public void An_index_jump_listed_at_the_same_time_does_not_cut_the_market_shocks_window()
    {
        RecordedShock[] shocks = [new(100, 9_000, "market sell", AccountId: 7), new(100, 0, "index jump")];

        var resolved = RecordedShock.WithFilledNotional(shocks, [Order(101, 7, 4_000)]);

        Assert.Equal([4_000L, 0L], resolved.Select(s => s.Notional));
    }

    [Fact]
    public void Shocks_without_an_account_keep_their_notional()
    {
        RecordedShock[] shocks = [new(100, 9_000, "given")];

        Assert.Same(shocks, RecordedShock.WithFilledNotional(shocks, [Order(101, 7, 1)]));
    }
}
