namespace Microstructure.Agents;

/// <summary>The agent families (DESIGN.md §4); recorders use it to say which accounts are which.</summary>
public enum AgentKind : byte
{
    /// <summary>Zero-intelligence noise flow: Poisson limit, market and cancel orders.</summary>
    Noise = 1,

    /// <summary>Market maker with inventory-skewed quotes that widen and withdraw in volatility.</summary>
    MarketMaker = 2,

    /// <summary>Value trader around the index (fundamental) price.</summary>
    Fundamental = 3,

    /// <summary>Trend follower on fast vs slow moving averages of the mid.</summary>
    Momentum = 4,

    /// <summary>Leveraged position taker that re-levers after a liquidation.</summary>
    Leveraged = 5,

    /// <summary>Lending-pool looper: deposit, borrow, buy, deposit again.</summary>
    LendingLooper = 6,

    /// <summary>Liquidator/arbitrageur: bids in auctions, buys liquidation dips.</summary>
    Liquidator = 7,

    /// <summary>Exogenous shock: scheduled large market orders.</summary>
    Shock = 8,

    /// <summary>Hedger / basis trader: a low-leverage short perpetual against a long in the index held elsewhere.</summary>
    Hedger = 9,
}
