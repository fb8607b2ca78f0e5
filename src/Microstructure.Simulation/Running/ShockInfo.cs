namespace Microstructure.Simulation.Running;

/// <summary>A scheduled exogenous shock of a run.</summary>
/// <param name="TimeNs">When it happens (ns).</param>
/// <param name="IsIndexJump">True for an index jump, false for a market order.</param>
/// <param name="Side">Market order: its side.</param>
/// <param name="Lots">Market order: its size in lots (0 for an index jump).</param>
/// <param name="NotionalEstimate">Market order: lots × initial price × k in cash units — the shock notional for amplification before fills are known (a recorder can use the shock account's actual fills instead). 0 for an index jump.</param>
/// <param name="Relative">Index jump: the relative change (0 for a market order).</param>
/// <param name="AccountId">The shock account (market orders).</param>
public readonly record struct ShockInfo(long TimeNs, bool IsIndexJump, Side Side, long Lots, long NotionalEstimate, double Relative, long AccountId);
