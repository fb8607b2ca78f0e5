namespace Microstructure.Engine;

/// <summary>Why a command was refused.</summary>
public enum RejectReason : byte
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>Quantity is zero, negative or above the instrument maximum.</summary>
    InvalidQuantity = 1,

    /// <summary>Price (or stop price) is outside the instrument's bounds.</summary>
    InvalidPrice = 2,

    /// <summary>A new order reuses the id of an order that is still live.</summary>
    DuplicateOrderId = 3,

    /// <summary>Cancel, reduce or amend names an order that is not live.</summary>
    UnknownOrder = 4,

    /// <summary>A post-only order would have taken liquidity.</summary>
    PostOnlyWouldCross = 5,

    /// <summary>A fill-or-kill order could not be filled entirely.</summary>
    FokNotFillable = 6,

    /// <summary>
    /// Invalid command: an enum value out of range, order id 0 (<see cref="OrderId.None"/>), or an invalid
    /// combination, e.g. an iceberg display size above the order size or on a market order.
    /// </summary>
    InvalidOrder = 7,

    /// <summary>The book has no room for another resting order (pool exhausted).</summary>
    BookFull = 8,

    /// <summary>A cancel/amend was sent by an account that does not own the order.</summary>
    NotOwner = 9,
}
