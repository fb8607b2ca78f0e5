namespace Microstructure.Analysis.Recording;

/// <summary>
/// An exogenous shock of the run (a large market order, an index jump) whose size is the denominator of the
/// amplification of the cascades that follow it.
/// </summary>
/// <param name="TimeNs">When the shock hit (ns, simulated clock).</param>
/// <param name="Notional">
/// Its size in cash units (e.g. lots × price × k of a market sell); 0 when it has none (an index jump). When
/// <paramref name="AccountId"/> is set, the recorder replaces it with what that account's aggressive orders actually
/// filled from <paramref name="TimeNs"/> until the next shock — a sell into a thin book fills far less than it asked.
/// </param>
/// <param name="Label">A short name for the report ("market sell 2,000 lots").</param>
/// <param name="AccountId">The account that sends the shock's market orders, or null when the notional is final.</param>
public sealed record RecordedShock(long TimeNs, long Notional, string Label, long? AccountId = null)
{
    /// <summary>
    /// <paramref name="shocks"/> with each account-sent shock's notional replaced by the filled notional of that
    /// account's aggressive orders between the shock's time and the next shock sent by the same account (shocks of
    /// other kinds, e.g. an index jump at the same second, do not cut the window).
    /// </summary>
    internal static IReadOnlyList<RecordedShock> WithFilledNotional(IReadOnlyList<RecordedShock> shocks, IReadOnlyList<TakerOrder> orders)
    {
        if (shocks.All(s => s.AccountId is null))
        {
            return shocks;
        }

        var resolved = new RecordedShock[shocks.Count];
        for (int i = 0; i < shocks.Count; i++)
        {
            RecordedShock shock = shocks[i];
            if (shock.AccountId is not { } account)
            {
                resolved[i] = shock;
                continue;
            }

            long until = long.MaxValue;
            for (int j = i + 1; j < shocks.Count; j++)
            {
                if (shocks[j].AccountId == account)
                {
                    until = shocks[j].TimeNs;
                    break;
                }
            }

            long filled = 0;
            foreach (TakerOrder order in orders)
            {
                if (order.Account == account && order.TimeNs >= shock.TimeNs && order.TimeNs < until)
                {
                    filled = checked(filled + order.Notional);
                }
            }

            resolved[i] = shock with { Notional = filled };
        }

        return resolved;
    }
}
