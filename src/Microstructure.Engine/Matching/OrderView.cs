namespace Microstructure.Engine.Matching;

/// <summary>A read-only copy of one live order (resting or pending stop), for tests and the risk layer.</summary>
/// <param name="Id">The order id.</param>
/// <param name="AccountId">The owning account.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="OrderType">The type the order was placed with (a triggered stop-limit that rests keeps <see cref="OrderType.StopLimit"/>).</param>
/// <param name="TimeInForce">Time in force of the order.</param>
/// <param name="Flags">Post-only / reduce-only flags carried by the order.</param>
/// <param name="SelfTradePrevention">Self-trade prevention mode the order uses when it aggresses (after an amend or a stop trigger).</param>
/// <param name="Price">Limit price (zero for a pending stop-market order).</param>
/// <param name="StopPrice">Trigger price of a pending stop order; zero otherwise (also once a stop has triggered).</param>
/// <param name="OpenQuantity">Total open quantity, hidden iceberg reserve included.</param>
/// <param name="VisibleQuantity">Currently displayed quantity (equals <paramref name="OpenQuantity"/> unless iceberg; zero for a pending stop).</param>
/// <param name="DisplayQuantity">Iceberg slice size; zero when fully visible.</param>
/// <param name="IsPendingStop">True while the order is an untriggered stop (not in the book).</param>
public readonly record struct OrderView(
    OrderId Id,
    long AccountId,
    Side Side,
    OrderType OrderType,
    TimeInForce TimeInForce,
    OrderFlags Flags,
    SelfTradePrevention SelfTradePrevention,
    Price Price,
    Price StopPrice,
    Quantity OpenQuantity,
    Quantity VisibleQuantity,
    Quantity DisplayQuantity,
    bool IsPendingStop);
