using System.Globalization;
using Microstructure.Engine;
using Microstructure.Replay.Output;
using Microstructure.Risk;

namespace Microstructure.Replay.Processing;

/// <content>Tape rows for a leveraged population's orders and the risk layer's liquidation events.</content>
internal sealed partial class ReplayRecorder
{
    /// <summary>Writes the risk events a tape reader needs to follow a liquidation; the rest stay with the observer.</summary>
    /// <param name="e">A risk-layer event.</param>
    public void OnRiskEvent(in ExchangeEvent e)
    {
        var row = new TapeRow { Sequence = e.Engine.CommandSequence, TimeNs = e.Engine.Timestamp.Nanoseconds };
        switch (e.Type)
        {
            case ExchangeEventType.LiquidationTriggered:
                row.Event = TapeEvent.LiquidationStart;
                row.Side = e.PositionLots > 0 ? Side.Sell : Side.Buy;
                row.Price = e.MarkPrice.Ticks;
                row.Quantity = Math.Abs(e.PositionLots);
                row.OrderId = e.LiquidationId;
                row.CounterpartyId = e.ParentLiquidationId;
                row.Detail = string.Create(CultureInfo.InvariantCulture, $"account={e.Engine.AccountId};cause={RiskNames.Of(e.Cause)};bankruptcy={e.BankruptcyPrice.Ticks}");
                break;
            case ExchangeEventType.LiquidationOrder:
                row.Event = TapeEvent.LiquidationOrder;
                row.Side = e.Engine.Side;
                row.Price = e.Engine.Price.Ticks;
                row.Quantity = e.Engine.Quantity.Lots;
                row.OrderId = e.Engine.OrderId.Value;
                row.CounterpartyId = e.LiquidationId;
                row.Detail = string.Create(CultureInfo.InvariantCulture, $"account={e.Engine.AccountId}");
                break;
            case ExchangeEventType.LiquidationFinished:
                row.Event = TapeEvent.LiquidationEnd;
                row.Quantity = Math.Abs(e.PositionLots);
                row.OrderId = e.LiquidationId;
                row.Detail = string.Create(CultureInfo.InvariantCulture, $"account={e.Engine.AccountId}");
                break;
            case ExchangeEventType.Takeover or ExchangeEventType.AutoDeleverage:
                row.Event = e.Type == ExchangeEventType.Takeover ? TapeEvent.Takeover : TapeEvent.Adl;
                row.Side = e.Engine.Side;
                row.Price = e.Engine.Price.Ticks;
                row.Quantity = e.Engine.Quantity.Lots;
                row.OrderId = e.LiquidationId;
                row.CounterpartyId = e.CounterpartyAccountId;
                row.Detail = string.Create(CultureInfo.InvariantCulture, $"account={e.Engine.AccountId}");
                break;
            case ExchangeEventType.InsuranceFund:
                row.Event = TapeEvent.Fund;
                row.OrderId = e.LiquidationId;
                row.Detail = string.Create(CultureInfo.InvariantCulture, $"{RiskNames.Of(e.FundReason)};cash={e.Amount};fund={e.FundAfter}");
                break;
            case ExchangeEventType.BadDebt:
                row.Event = TapeEvent.BadDebt;
                row.OrderId = e.LiquidationId;
                row.Detail = string.Create(CultureInfo.InvariantCulture, $"account={e.Engine.AccountId};cash={e.Amount}");
                break;
            case ExchangeEventType.RiskRejected:
                if (e.Engine.OrderId.Value == CommandOrderId)
                {
                    LastRiskReject = RiskNames.Of(e.RiskReason);
                }

                row.Event = TapeEvent.RiskReject;
                row.Side = e.Engine.Side;
                row.Price = e.Engine.Price.Ticks;
                row.Quantity = e.Engine.Quantity.Lots;
                row.OrderId = e.Engine.OrderId.Value;
                row.Detail = string.Create(CultureInfo.InvariantCulture, $"account={e.Engine.AccountId};{RiskNames.Of(e.RiskReason)}");
                break;
            default:
                return;
        }

        Write(row);
    }

    private void WritePopulationOrder(in EngineEvent e) => Write(new TapeRow
    {
        Sequence = e.CommandSequence, TimeNs = e.Timestamp.Nanoseconds, Event = TapeEvent.Population, Side = e.Side,
        Price = e.Price.Ticks, Quantity = e.Quantity.Lots, OrderId = e.OrderId.Value, Detail = string.Create(CultureInfo.InvariantCulture, $"account={e.AccountId}"),
    });
}
