namespace Microstructure.Engine;

/// <summary>What a command asks the engine to do.</summary>
public enum CommandType : byte
{
    /// <summary>Submit a new order (see <see cref="OrderCommand.OrderType"/>).</summary>
    Place = 0,

    /// <summary>Cancel a resting (or untriggered stop) order by id.</summary>
    Cancel = 1,

    /// <summary>Reduce an order's open quantity by <see cref="OrderCommand.Quantity"/>; keeps priority.</summary>
    Reduce = 2,

    /// <summary>Replace price and/or quantity; priority is kept only when the price is unchanged and the size goes down.</summary>
    Amend = 3,

    /// <summary>
    /// Emit the top <see cref="OrderCommand.Quantity"/> levels of each side as <see cref="EngineEventType.L2Level"/>
    /// events (bids best first, then asks best first), in sequence with the other commands; changes nothing.
    /// </summary>
    SnapshotL2 = 4,
}
