namespace Microstructure.Analysis.Recording;

/// <summary>
/// An exogenous shock of the run (a large market order, an index jump) whose size is the denominator of the
/// amplification of the cascades that follow it.
/// </summary>
/// <param name="TimeNs">When the shock hit (ns, simulated clock).</param>
/// <param name="Notional">Its size in cash units (e.g. lots × price × k of a market sell); 0 when it has none (an index jump).</param>
/// <param name="Label">A short name for the report ("market sell 2,000 lots").</param>
public sealed record RecordedShock(long TimeNs, long Notional, string Label);
