using System.Globalization;
using Microstructure.Analysis.Recording;
using Microstructure.Risk.Processing;
using Microstructure.Simulation.Running;

namespace Microstructure.Runner.Recording;

/// <summary>
/// Translates what the kernel knows about a run (<see cref="RunInfo"/>) into what the recorder needs
/// (<see cref="RecordedRunInfo"/>): units and the fund's account from the exchange, the shocks with their notional (the denominator
/// of amplification), and a label for every account so that liquidation tables say who was liquidated.
/// </summary>
internal static class RecordedRunInfoFactory
{
    /// <summary>The recorder's view of <paramref name="info"/> on <paramref name="exchange"/>.</summary>
    /// <param name="info">The run's description (from <see cref="SimulationRun.Info"/>).</param>
    /// <param name="exchange">The run's exchange (instrument units, the fund's account).</param>
    /// <returns>The recorder's run facts.</returns>
    public static RecordedRunInfo Create(RunInfo info, Exchange exchange)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(exchange);
        var labels = new Dictionary<long, string>(info.Accounts.Count);
        foreach (var role in info.Accounts)
        {
            labels[role.AccountId] = role.Population;
        }

        return RecordedRunInfo.FromExchange(exchange, info.ScenarioName, info.Seed, info.DesignName, info.StartNs, info.EndNs) with
        {
            Shocks = [.. info.Shocks.Select(s => new RecordedShock(s.TimeNs, s.NotionalEstimate, Label(s), s.IsIndexJump ? null : s.AccountId))],
            AccountLabels = labels,
        };
    }

    /// <summary>"market sell 2,000 lots" or "index jump -5.00%".</summary>
    private static string Label(ShockInfo shock) => shock.IsIndexJump
        ? string.Create(CultureInfo.InvariantCulture, $"index jump {shock.Relative:+0.00%;-0.00%}")
        : string.Create(CultureInfo.InvariantCulture, $"market {(shock.Side == Side.Buy ? "buy" : "sell")} {shock.Lots:N0} lots");
}
