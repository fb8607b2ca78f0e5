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
        engine.Side = e.Engine.Side;
        engine.RejectReason = e.Engine.RejectReason;
        engine.CancelReason = e.Engine.CancelReason;
        engine.OrderType = e.Engine.OrderType;
        engine.TimeInForce = e.Engine.TimeInForce;
        engine.Flags = e.Engine.Flags;
        engine.CommandSequence = e.Engine.CommandSequence;
        engine.Timestamp = e.Engine.Timestamp;
        engine.OrderId = e.Engine.OrderId;
        engine.AccountId = e.Engine.AccountId;
        engine.MakerOrderId = e.Engine.MakerOrderId;
        engine.MakerAccountId = e.Engine.MakerAccountId;
        engine.Price = e.Engine.Price;
        engine.Quantity = e.Engine.Quantity;
        engine.RemainingQuantity = e.Engine.RemainingQuantity;
        engine.MakerRemainingQuantity = e.Engine.MakerRemainingQuantity;
        engine.BidPrice = e.Engine.BidPrice;
        engine.BidQuantity = e.Engine.BidQuantity;
        engine.AskPrice = e.Engine.AskPrice;
        engine.AskQuantity = e.Engine.AskQuantity;
        engine.StopPrice = e.Engine.StopPrice;
        engine.DisplayQuantity = e.Engine.DisplayQuantity;
        engine.Level = e.Engine.Level;
        engine.OrderCount = e.Engine.OrderCount;
        _sink.OnEvent(in engine);
    }
}
