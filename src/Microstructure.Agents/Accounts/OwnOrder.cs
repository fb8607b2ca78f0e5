namespace Microstructure.Agents.Accounts;

/// <summary>One of the agent's own orders, as the agent knows it from what it sent and what was delivered.</summary>
/// <param name="Id">Order id.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Limit, market or stop.</param>
/// <param name="Price">Limit price (ticks; 0 for market orders).</param>
/// <param name="StopPrice">Stop trigger (ticks; 0 when none).</param>
/// <param name="Remaining">Open lots.</param>
/// <param name="Flags">Post-only / reduce-only.</param>
/// <param name="State">Pending, live or being cancelled.</param>
public readonly record struct OwnOrder(
    long Id,
    Side Side,
    OrderType Type,
    long Price,
    long StopPrice,
    long Remaining,
    OrderFlags Flags,
    OrderState State);
