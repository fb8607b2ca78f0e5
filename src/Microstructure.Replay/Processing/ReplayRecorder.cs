using Microstructure.Engine;
using Microstructure.Replay.Injection;
using Microstructure.Replay.Output;

namespace Microstructure.Replay.Processing;

/// <summary>
/// Watches the engine's events during a replay: remembers the outcome of the current command (reject, cancelled
/// lots) for the driver, records depletion when simulated flow trades with historical liquidity, and writes fills,
/// L1 changes, a population's orders and the risk layer's liquidation events to the tape.
/// </summary>
internal sealed partial class ReplayRecorder(IReplayTape? tape, DepletionLedger ledger, ReconciliationCounts counts)
{
    private readonly IReplayTape? _tape = tape;
    private readonly DepletionLedger _ledger = ledger;
    private readonly ReconciliationCounts _counts = counts;

    /// <summary>
    /// The order the current command is about. Only its own reject and cancel count as the command's outcome: a
    /// risk layer may send liquidation orders inline after the command, and their cancelled remainders are not the
    /// historical order's.
    /// </summary>
    public long CommandOrderId { get; private set; }

    /// <summary>Reject reason of the current command (None when accepted).</summary>
    public RejectReason LastReject { get; private set; }

    /// <summary>The risk layer's refusal of the current command's order (its name), or null.</summary>
    public string? LastRiskReject { get; private set; }

    /// <summary>Lots the current command cancelled (Cancel, or Reduce down to zero).</summary>
    public long CancelledLots { get; private set; }

    /// <summary>Price at which the current command's order would rest (for depletion of a crossing historical add).</summary>
    public long CommandPrice { get; set; }

    /// <summary>While true (book seeding), nothing is written to the tape.</summary>
    public bool Muted { get; set; }

    /// <summary>Best bid after the last event (ticks, 0 = none).</summary>
    public long BidPrice { get; private set; }

    /// <summary>Size at the best bid.</summary>
    public long BidSize { get; private set; }

    /// <summary>Best ask after the last event (ticks, 0 = none).</summary>
    public long AskPrice { get; private set; }

    /// <summary>Size at the best ask.</summary>
    public long AskSize { get; private set; }

    /// <summary>Trades between a simulated order and anything else.</summary>
    public long SimulatedFills { get; private set; }

    /// <summary>Lots filled in those trades.</summary>
    public long SimulatedFilledLots { get; private set; }

    /// <summary>Σ price × lots of those trades (ticks × lots), for the average fill price.</summary>
    public long SimulatedFilledNotional { get; private set; }

    /// <summary>Trades between two historical orders: only when the historical data cross themselves.</summary>
    public long HistoricalCrossTrades { get; private set; }

    /// <summary>L1 changes seen.</summary>
    public long L1Changes { get; private set; }

    /// <summary>Clears the per-command outcome before a command about <paramref name="orderId"/> is processed (0 = none).</summary>
    public void BeginCommand(long orderId)
    {
        CommandOrderId = orderId;
        LastReject = RejectReason.None;
        LastRiskReject = null;
        CancelledLots = 0;
    }

    /// <summary>Handles one engine event.</summary>
    /// <param name="e">The event.</param>
    public void OnEvent(in EngineEvent e)
    {
        switch (e.Type)
        {
            case EngineEventType.Accepted:
                if (ReplayOrderIds.IsPopulation(e.OrderId.Value))
                {
                    WritePopulationOrder(in e);
                }

                break;
            case EngineEventType.Rejected:
                if (e.OrderId.Value == CommandOrderId)
                {
                    LastReject = e.RejectReason;
                }

                break;
            case EngineEventType.Cancelled:
                if (e.OrderId.Value == CommandOrderId)
                {
                    CancelledLots += e.Quantity.Lots;
                }

                break;
            case EngineEventType.Trade:
                OnTrade(in e);
                break;
            case EngineEventType.TopOfBook:
                BidPrice = e.BidPrice.Ticks;
                BidSize = e.BidQuantity.Lots;
                AskPrice = e.AskPrice.Ticks;
                AskSize = e.AskQuantity.Lots;
                L1Changes++;
                Write(new TapeRow { Sequence = e.CommandSequence, TimeNs = e.Timestamp.Nanoseconds, Event = TapeEvent.L1 });
                break;
            default:
                break;
        }
    }

    /// <summary>Writes a row stamped with the current best bid/ask (the driver's own rows: historical trades, reconciliations).</summary>
    /// <param name="row">The row; its book columns are filled in here.</param>
    public void Write(TapeRow row)
    {
        if (_tape is null || Muted)
        {
            return;
        }

        row.BidPrice = BidPrice;
        row.BidSize = BidSize;
        row.AskPrice = AskPrice;
        row.AskSize = AskSize;
        _tape.Write(in row);
    }

    private void OnTrade(in EngineEvent e)
    {
        var takerHistorical = e.AccountId == ReplayAccounts.Historical;
        var makerHistorical = e.MakerAccountId == ReplayAccounts.Historical;
        var q = e.Quantity.Lots;
        if (takerHistorical && makerHistorical)
        {
            HistoricalCrossTrades++;
            Write(new TapeRow
            {
                Sequence = e.CommandSequence, TimeNs = e.Timestamp.Nanoseconds, Event = TapeEvent.Trade, Side = e.Side,
                Price = e.Price.Ticks, Quantity = q, OrderId = e.OrderId.Value, CounterpartyId = e.MakerOrderId.Value, Detail = "book-cross",
            });
            return;
        }

        SimulatedFills++;
        SimulatedFilledLots += q;
        SimulatedFilledNotional += q * e.Price.Ticks;
        if (makerHistorical)
        {
            _ledger.Add(e.MakerOrderId.Value, e.Side == Side.Buy ? Side.Sell : Side.Buy, e.Price.Ticks, q);
            _counts.DepletedLots += q;
        }
        else if (takerHistorical)
        {
            // A historical order crossed a resting simulated order: history believes it rests in full at its own price.
            _ledger.Add(e.OrderId.Value, e.Side, CommandPrice, q);
            _counts.DepletedLots += q;
        }

        Write(new TapeRow
        {
            Sequence = e.CommandSequence, TimeNs = e.Timestamp.Nanoseconds, Event = TapeEvent.Fill, Side = e.Side,
            Price = e.Price.Ticks, Quantity = q, OrderId = e.OrderId.Value, CounterpartyId = e.MakerOrderId.Value,
            Detail = takerHistorical ? "historical-taker" : makerHistorical ? "historical-maker" : "simulated-both",
        });
    }
}
