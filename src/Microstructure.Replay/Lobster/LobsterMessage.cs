using Microstructure.Engine;

namespace Microstructure.Replay.Lobster;

/// <summary>One parsed LOBSTER message; prices stay in LOBSTER's integer unit (dollars × 10,000), which are the replay's ticks.</summary>
/// <param name="TimeNs">Nanoseconds after midnight.</param>
/// <param name="Type">The event type.</param>
/// <param name="OrderId">The venue order id (0 for hidden executions and halts).</param>
/// <param name="Size">Shares (lots).</param>
/// <param name="Price">Dollars × 10,000; for a halt −1, 0 or 1.</param>
/// <param name="Side">Side of the order the message is about (a sell order executed means a buyer-initiated trade).</param>
internal readonly record struct LobsterMessage(long TimeNs, LobsterEventType Type, long OrderId, long Size, long Price, Side Side);
