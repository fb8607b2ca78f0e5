namespace Microstructure.Engine;

/// <summary>The kind of an event the engine emits.</summary>
public enum EngineEventType : byte
{
    /// <summary>A new order passed validation (before any trade it makes).</summary>
    Accepted = 0,

    /// <summary>A fill between a resting maker and an incoming taker.</summary>
    Trade = 1,

    /// <summary>An order (or its remainder) left the book or died unfilled; see <see cref="EngineEvent.CancelReason"/>.</summary>
    Cancelled = 2,

    /// <summary>A command was refused; the book is unchanged. See <see cref="EngineEvent.RejectReason"/>.</summary>
    Rejected = 3,

    /// <summary>A stop order's trigger was reached; it is now being executed as market or limit.</summary>
    StopTriggered = 4,

    /// <summary>Best bid or best ask (price or size) changed as a result of the command.</summary>
    TopOfBook = 5,

    /// <summary>An amend or reduce changed an order's price and/or open quantity.</summary>
    Amended = 6,

    /// <summary>One level of an L2 snapshot asked for by a <see cref="CommandType.SnapshotL2"/> command.</summary>
    L2Level = 7,
}
