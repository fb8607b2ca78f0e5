namespace Microstructure.Agents.Families;

/// <summary>A market order an exogenous shock sends at a fixed time.</summary>
/// <param name="TimeNs">When the shock trader sends it (simulated ns).</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Lots">Size in lots.</param>
public readonly record struct ScheduledOrder(long TimeNs, Side Side, long Lots);
