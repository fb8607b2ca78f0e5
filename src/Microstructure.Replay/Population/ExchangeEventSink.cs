using Microstructure.Engine;
using Microstructure.Replay.Processing;
using Microstructure.Risk;

namespace Microstructure.Replay.Population;

/// <summary>
/// The exchange's sink during a replay: every event goes to <see cref="ReplayExchange.Observe"/> (observer, counts),
/// then engine events go back to the replay as <see cref="EngineEvent"/>s (fills, L1, outcomes: the replay records
/// and reconciles them) and risk events as they are (liquidation rows on the tape).
/// </summary>
/// <typeparam name="TSink">The replay's sink (a stateless forwarder, so holding a copy is fine).</typeparam>
internal struct ExchangeEventSink<TSink>(ReplayExchange owner, TSink sink) : IExchangeEventSink
    where TSink : struct, IReplaySink
{
    private readonly ReplayExchange _owner = owner;
    private TSink _sink = sink;

    public void OnEvent(in ExchangeEvent e)
    {
        if (!_owner.Observe(in e))
        {
            return;
        }

        if (!e.IsEngineEvent)
        {
            _sink.OnRiskEvent(in e);
            return;
        }

        var engine = default(EngineEvent);
        engine.Type = (EngineEventType)e.Type;
        engine.Side = e.Side;
        engine.RejectReason = e.RejectReason;
        engine.CancelReason = e.CancelReason;
        engine.OrderType = e.OrderType;
        engine.TimeInForce = e.TimeInForce;
        engine.Flags = e.Flags;
        engine.CommandSequence = e.CommandSequence;
        engine.Timestamp = e.Timestamp;
        engine.OrderId = e.OrderId;
        engine.AccountId = e.AccountId;
        engine.MakerOrderId = e.MakerOrderId;
        engine.MakerAccountId = e.MakerAccountId;
        engine.Price = e.Price;
        engine.Quantity = e.Quantity;
        engine.RemainingQuantity = e.RemainingQuantity;
        engine.MakerRemainingQuantity = e.MakerRemainingQuantity;
        engine.BidPrice = e.BidPrice;
        engine.BidQuantity = e.BidQuantity;
        engine.AskPrice = e.AskPrice;
        engine.AskQuantity = e.AskQuantity;
        engine.StopPrice = e.StopPrice;
        engine.DisplayQuantity = e.DisplayQuantity;
        engine.Level = e.Level;
        engine.OrderCount = e.OrderCount;
        _sink.OnEvent(in engine);
    }
}
