namespace Microstructure.Simulation.Scenarios;

/// <summary>
/// Which exchange account is whose in a run: 0 is the kernel's own (it asks for snapshots; it never trades), agents
/// take 1 … N in the order of the scenario's populations, then the shock account, the pool supplier (when there is a
/// pool), and the exchange's four system accounts last (keeper, pool liquidator, vault, insurance fund).
/// </summary>
internal sealed class AccountLayout
{
    /// <summary>Lays out <paramref name="agents"/> agent accounts.</summary>
    public AccountLayout(int agents, bool hasPool)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        AgentCount = agents;
        ShockAccount = agents + 1;
        PoolSupplierAccount = hasPool ? agents + 2 : -1;
        AccountCount = Math.Max(8, agents + (hasPool ? 3 : 2) + 4);
    }

    /// <summary>The kernel's account (snapshots).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Part of the layout instance that places every account; constant only today.")]
    public long KernelAccount => 0;

    /// <summary>Number of agent accounts.</summary>
    public int AgentCount { get; }

    /// <summary>Account of agent <paramref name="index"/> (0-based, in population order).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Part of the layout instance that places every account; constant only today.")]
    public long AgentAccount(int index) => index + 1;

    /// <summary>The shock account.</summary>
    public long ShockAccount { get; }

    /// <summary>The pool supplier's account, or −1 without a pool.</summary>
    public long PoolSupplierAccount { get; }

    /// <summary>Accounts the exchange needs (its <c>MaxAccounts</c>).</summary>
    public int AccountCount { get; }
}
