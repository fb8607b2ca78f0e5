using Microstructure.Risk.Lending;

namespace Microstructure.Simulation.Scenarios;

/// <summary>The Aave-like lending pool (scenario field <c>lendingPool</c>); absent = no pool.</summary>
public sealed record LendingPoolDefinition
{
    /// <summary>Pool parameters (LTV, thresholds, bonuses, close factor, oracle); defaults Aave v3 WETH.</summary>
    public LendingPoolOptions Options { get; init; } = new();

    /// <summary>Cash supplied to the pool at the start by a supplier account, in quote currency. Default 50,000,000.</summary>
    public decimal Liquidity { get; init; } = 50_000_000m;

    /// <summary>Cash of the protocol liquidator (it repays debt before selling seized collateral), in quote currency. Default 50,000,000.</summary>
    public decimal LiquidatorCash { get; init; } = 50_000_000m;
}
