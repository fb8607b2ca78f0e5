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

    /// <summary>A leveraged population's opening order was accepted (order_id, side, quantity; detail: account).</summary>
    Population = 9,

    /// <summary>A liquidation starts: side to close, trigger mark (price), |position| (quantity), liquidation id (order_id), parent (counterparty_id).</summary>
    LiquidationStart = 10,

    /// <summary>The liquidation engine sends an order: its (negative) id, side, size and limit (0 = market); counterparty_id = liquidation id.</summary>
    LiquidationOrder = 11,

    /// <summary>A liquidation step ended: |position| left (quantity), liquidation id (order_id).</summary>
    LiquidationEnd = 12,

    /// <summary>A position moved off the book to the fund, vault or a bidder: price, lots, liquidation id, receiver account (counterparty_id).</summary>
    Takeover = 13,

    /// <summary>Auto-deleveraging: price, lots, liquidation id, the deleveraged account (counterparty_id).</summary>
    Adl = 14,

    /// <summary>The insurance fund moved (detail: reason and cash units).</summary>
    Fund = 15,

    /// <summary>A loss nobody covered was written off (detail: account and cash units).</summary>
    BadDebt = 16,

    /// <summary>The risk layer refused a simulated order (detail: the reason).</summary>
    RiskReject = 17,
}
