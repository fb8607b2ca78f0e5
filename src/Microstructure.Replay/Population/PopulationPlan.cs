using Microstructure.Engine;

namespace Microstructure.Replay.Population;

/// <summary>
/// Draws a population from its spec, deterministically from the seed: the first round(accounts × longFraction)
/// accounts go long, the rest short; each account's size (uniform lots in [min, max]) and leverage (uniform integer
/// in [min, max], or a weighted choice of values) are drawn in account order, size first.
/// </summary>
internal static class PopulationPlan
{
    /// <summary>Account id of the population's first account (0 and 1 are the historical and injected accounts).</summary>
    public const long FirstAccount = 2;

    /// <summary>The accounts of <paramref name="spec"/>.</summary>
    /// <param name="spec">The population.</param>
    /// <returns>One entry per account, in account order.</returns>
    public static IReadOnlyList<PopulationAccount> Draw(PopulationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var random = new SplitMix64(spec.Seed);
        var longs = (int)decimal.Round(spec.Accounts * spec.LongFraction, MidpointRounding.AwayFromZero);
        var weights = spec.Leverage.Weights.Sum(w => (long)w);
        var accounts = new PopulationAccount[spec.Accounts];
        for (var i = 0; i < accounts.Length; i++)
        {
            var lots = random.Between(spec.MinLots, spec.MaxLots);
            var leverage = spec.Leverage.Values.Count == 0 ? (int)random.Between(spec.Leverage.Min, spec.Leverage.Max) : Pick(spec.Leverage, random.Between(0, weights - 1));
            accounts[i] = new PopulationAccount(FirstAccount + i, i < longs ? Side.Buy : Side.Sell, lots, leverage);
        }

        return accounts;
    }

    private static int Pick(LeverageSpec leverage, long ticket)
    {
        for (var i = 0; i < leverage.Values.Count; i++)
        {
            ticket -= leverage.Weights[i];
            if (ticket < 0)
            {
                return leverage.Values[i];
            }
        }

        return leverage.Values[^1];
    }
}
