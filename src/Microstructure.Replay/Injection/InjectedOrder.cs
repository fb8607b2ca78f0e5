using Microstructure.Engine;

namespace Microstructure.Replay.Injection;

/// <summary>One order to inject into a historical stream.</summary>
/// <param name="TimeNs">Source time (same clock as the replayed file), nanoseconds; applied after every historical event at or before it.</param>
/// <param name="Kind">Market, limit, IOC or liquidation.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Lots.</param>
/// <param name="Price">Limit price in ticks (zero for market and liquidation orders).</param>
/// <param name="Label">Free text copied to the tape.</param>
/// <param name="Line">Line of the injection file, for messages.</param>
public sealed record InjectedOrder(long TimeNs, InjectedOrderKind Kind, Side Side, long Quantity, long Price, string Label, long Line)
{
    /// <summary>The injection file the order comes from, for messages (null: "injection file").</summary>
    public string? File { get; init; }

    /// <summary>"file:line" of the order, for messages.</summary>
    internal string Where => $"{File ?? "injection file"}:{Line}";
}
