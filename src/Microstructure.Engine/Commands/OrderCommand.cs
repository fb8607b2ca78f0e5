namespace Microstructure.Engine;

/// <summary>
/// One command on the input ring. A mutable struct on purpose: producers claim a slot and write the fields in
/// place (two-phase publish), so no command is ever allocated.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051:Do not declare visible instance fields", Justification = "A flat blittable struct written in place into ring slots; properties would add nothing but copies.")]
public struct OrderCommand
{
    /// <summary>What to do.</summary>
    public CommandType Type;

    /// <summary>For <see cref="CommandType.Place"/>: the kind of order.</summary>
    public OrderType OrderType;

    /// <summary>For limit and stop-limit orders: how long the remainder lives.</summary>
    public TimeInForce TimeInForce;

    /// <summary>Post-only / reduce-only modifiers.</summary>
    public OrderFlags Flags;

    /// <summary>Buy or sell.</summary>
    public Side Side;

    /// <summary>Self-trade prevention mode of the incoming order.</summary>
    public SelfTradePrevention SelfTradePrevention;

    /// <summary>The order this command creates or refers to.</summary>
    public OrderId OrderId;

    /// <summary>The account that owns the order (used by self-trade prevention and, later, risk).</summary>
    public long AccountId;

    /// <summary>Limit price (Limit, StopLimit) or the new price (Amend). Ignored for Market.</summary>
    public Price Price;

    /// <summary>Trigger price for StopMarket and StopLimit (compared with the last trade price).</summary>
    public Price StopPrice;

    /// <summary>Place: order size. Reduce: lots to remove. Amend: the new total open size. SnapshotL2: levels per side.</summary>
    public Quantity Quantity;

    /// <summary>Iceberg display size for resting limit orders; zero means fully visible.</summary>
    public Quantity DisplayQuantity;

    /// <summary>Source time of the command (simulated, historical or wall clock), in nanoseconds.</summary>
    public Timestamp Timestamp;
}
