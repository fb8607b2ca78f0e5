using Microstructure.Engine;
using Microstructure.Replay.Population;

namespace Microstructure.Replay.Tests.Population;

public sealed class PopulationPlanTests
{
    private static PopulationSpec Spec(LeverageSpec leverage, decimal longFraction = 0.75m, long seed = 5) => new()
    {
        Accounts = 200, Seed = seed, LongFraction = longFraction, Leverage = leverage, MinLots = 10, MaxLots = 30,
        Entry = new PopulationEntry(0, null),
    };

    [Fact]
    public void The_same_seed_draws_the_same_accounts_and_another_seed_different_ones()
    {
        var uniform = new LeverageSpec { Min = 2, Max = 50 };

        Assert.Equal(PopulationPlan.Draw(Spec(uniform)), PopulationPlan.Draw(Spec(uniform)));
        Assert.NotEqual(PopulationPlan.Draw(Spec(uniform)), PopulationPlan.Draw(Spec(uniform, seed: 6)));
    }

    [Fact]
    public void Sides_follow_the_long_fraction_and_draws_stay_in_their_ranges()
    {
        var accounts = PopulationPlan.Draw(Spec(new LeverageSpec { Min = 2, Max = 50 }));

        Assert.Equal(150, accounts.Count(a => a.Side == Side.Buy));
        Assert.All(accounts.Take(150), a => Assert.Equal(Side.Buy, a.Side));
        Assert.All(accounts, a => Assert.InRange(a.Lots, 10, 30));
        Assert.All(accounts, a => Assert.InRange(a.Leverage, 2, 50));
        Assert.Equal(Enumerable.Range(2, 200).Select(i => (long)i), accounts.Select(a => a.AccountId));
        Assert.True(accounts.Select(a => a.Leverage).Distinct().Count() > 20, "a uniform draw spreads over the range");
    }

    [Fact]
    public void Weighted_values_are_drawn_in_proportion_to_their_weights()
    {
        var accounts = PopulationPlan.Draw(Spec(new LeverageSpec { Values = [10, 100], Weights = [3, 1] }) with { Accounts = 4_000 });

        var tens = accounts.Count(a => a.Leverage == 10);
        Assert.Equal(4_000, tens + accounts.Count(a => a.Leverage == 100));
        Assert.InRange(tens, 2_850, 3_150);
    }
}
