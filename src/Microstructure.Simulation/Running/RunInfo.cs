using Microstructure.Risk.Processing;
using Microstructure.Simulation.Kernel;

namespace Microstructure.Simulation.Running;

/// <summary>
/// What a recorder needs to know about a run before its first event: the scenario, seed and design, the units of
/// the numbers (tick and lot size, the cash scale), the time span, snapshot cadence, the shocks with their notional,
/// and which account is which kind of agent.
/// </summary>
public sealed record RunInfo
{
    /// <summary>The scenario's name.</summary>
    public required string ScenarioName { get; init; }

    /// <summary>The scenario file.</summary>
    public required string ScenarioSource { get; init; }

    /// <summary>The run's seed.</summary>
    public required long Seed { get; init; }

    /// <summary>The liquidation design's name (e.g. <c>insurance-fund</c>).</summary>
    public required string DesignName { get; init; }

    /// <summary>Direct or pipelined (results are identical).</summary>
    public required KernelMode Mode { get; init; }

    /// <summary>The contract: symbol, tick size and lot size (prices in events are ticks, quantities lots).</summary>
    public required InstrumentSpec Instrument { get; init; }

    /// <summary>Cash units per quote unit (Risk's <see cref="FixedPoint.CashScale"/>, 10⁸).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Read from the instance like every other part of the description; constant only today.")]
    public long CashScale => FixedPoint.CashScale;

    /// <summary>Cash units per tick per lot (k): a fill of q lots at P ticks moves q·P·k cash units.</summary>
    public required long CashPerTickLot { get; init; }

    /// <summary>The starting price in ticks.</summary>
    public required long InitialPriceTicks { get; init; }

    /// <summary>Simulated start (ns; always 0).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Read from the instance like every other part of the description; constant only today.")]
    public long StartNs => 0;

    /// <summary>Simulated end (ns): no command arrives after it.</summary>
    public required long EndNs { get; init; }

    /// <summary>Interval of the kernel's L2 snapshots (ns; 0 = none). Their events come from account 0 with no order id.</summary>
    public required long SnapshotIntervalNs { get; init; }

    /// <summary>Levels per side in each snapshot.</summary>
    public required int SnapshotDepth { get; init; }

    /// <summary>The scheduled shocks.</summary>
    public required IReadOnlyList<ShockInfo> Shocks { get; init; }

    /// <summary>Every account in use, by id.</summary>
    public required IReadOnlyList<AccountRole> Accounts { get; init; }

    /// <summary>Total shock notional estimate of market-order shocks (cash units).</summary>
    public long ShockNotional => Shocks.Sum(s => s.NotionalEstimate);

    /// <summary>The exchange's full options (fees, brackets, mark, funding, design options, mitigations).</summary>
    public required ExchangeOptions Exchange { get; init; }

    /// <summary>Who uses <paramref name="accountId"/> (<see cref="AccountRoleKind.Unused"/> when nobody).</summary>
    public AccountRole RoleOf(long accountId)
    {
        var accounts = Accounts;
        int lo = 0, hi = accounts.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            long id = accounts[mid].AccountId;
            if (id == accountId)
            {
                return accounts[mid];
            }

            if (id < accountId)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return new AccountRole(accountId, AccountRoleKind.Unused, "unused", 0);
    }
}
