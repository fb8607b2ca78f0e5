namespace Microstructure.Replay.Processing;

/// <summary>
/// Account ids the replay uses. Historical liquidity belongs to <see cref="Historical"/>; every other account is
/// simulated flow (injected orders, or a risk layer's population), whose fills are reconciled against history.
/// </summary>
public static class ReplayAccounts
{
    /// <summary>Owner of every historical order and L2 level.</summary>
    public const long Historical = 0;

    /// <summary>Owner of orders injected from an injection file.</summary>
    public const long Injected = 1;
}
