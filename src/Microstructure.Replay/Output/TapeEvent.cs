namespace Microstructure.Replay.Output;

/// <summary>The kind of a tape row; its lower-case name is written in the <c>event</c> column.</summary>
public enum TapeEvent : byte
{
    /// <summary>A historical trade (detail: visible, hidden, cross, or the feed's name).</summary>
    Trade = 0,

    /// <summary>A fill involving a simulated (injected) order; order_id = taker, counterparty_id = maker.</summary>
    Fill = 1,

    /// <summary>Best bid/ask changed (the four book columns).</summary>
    L1 = 2,

    /// <summary>An injected order was submitted (detail: its kind and label).</summary>
    Injected = 3,

    /// <summary>Historical quantity reconciled against simulated flow (detail: the rule applied).</summary>
    Reconcile = 4,

    /// <summary>A historical liquidation order (Tardis liquidations).</summary>
    Liquidation = 5,

    /// <summary>Mark price update; price = mark, bid_price = index (ticks), quantity = open interest.</summary>
    Mark = 6,

    /// <summary>Trading state change (detail: halted, quoting, trading).</summary>
    Halt = 7,

    /// <summary>Binance update-id gap or resync (detail says which).</summary>
    Gap = 8,
}
