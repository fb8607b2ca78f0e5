namespace Microstructure.Simulation.Running;

/// <summary>What an exchange account is in a run (for recorders: which accounts are which agent kind).</summary>
public enum AccountRoleKind : byte
{
    /// <summary>No one uses it.</summary>
    Unused = 0,

    /// <summary>The kernel's own account (L2 snapshot requests; it never trades).</summary>
    Kernel = 1,

    /// <summary>A zero-intelligence noise trader.</summary>
    Noise = 2,

    /// <summary>A market maker.</summary>
    MarketMaker = 3,

    /// <summary>A fundamental (value) trader.</summary>
    Fundamental = 4,

    /// <summary>A momentum trader.</summary>
    Momentum = 5,

    /// <summary>A leveraged position taker.</summary>
    Leveraged = 6,

    /// <summary>A lending-pool looper.</summary>
    LendingLooper = 7,

    /// <summary>A liquidator/arbitrageur.</summary>
    Liquidator = 8,

    /// <summary>The exogenous shock account.</summary>
    Shock = 9,

    /// <summary>Supplies the lending pool's liquidity at the start.</summary>
    PoolSupplier = 10,

    /// <summary>The exchange's insurance fund.</summary>
    InsuranceFund = 11,

    /// <summary>The exchange's backstop vault.</summary>
    Vault = 12,

    /// <summary>The lending pool's protocol liquidator.</summary>
    PoolLiquidator = 13,

    /// <summary>The Dutch-auction keeper (standing bid curve).</summary>
    Keeper = 14,

    /// <summary>A hedger (basis trader): short perpetual against a long held elsewhere.</summary>
    Hedger = 15,
}
