using Microstructure.Engine;

namespace Microstructure.Replay.Output;

/// <summary>One row of the tape (see docs/replay.md for the columns). Prices in ticks, quantities in lots.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051:Do not declare visible instance fields", Justification = "A flat row struct filled in place per message on the replay's hot path, then copied to the tape.")]
public struct TapeRow
{
    /// <summary>The replay's command sequence when the row was written.</summary>
    public long Sequence;

    /// <summary>Source time in nanoseconds (LOBSTER: since midnight; Tardis/Binance: since the Unix epoch).</summary>
    public long TimeNs;

    /// <summary>The row kind.</summary>
    public TapeEvent Event;

    /// <summary>Side (aggressor for trades and fills); null writes an empty field.</summary>
    public Side? Side;

    /// <summary>Price in ticks.</summary>
    public long Price;

    /// <summary>Quantity in lots.</summary>
    public long Quantity;

    /// <summary>Order id (taker for fills).</summary>
    public long OrderId;

    /// <summary>Counterparty order id (maker for fills).</summary>
    public long CounterpartyId;

    /// <summary>Best bid after the event (ticks, 0 = none).</summary>
    public long BidPrice;

    /// <summary>Size at the best bid.</summary>
    public long BidSize;

    /// <summary>Best ask after the event (ticks, 0 = none).</summary>
    public long AskPrice;

    /// <summary>Size at the best ask.</summary>
    public long AskSize;

    /// <summary>Free text without commas (kind of trade, reconciliation rule, label).</summary>
    public string? Detail;
}
