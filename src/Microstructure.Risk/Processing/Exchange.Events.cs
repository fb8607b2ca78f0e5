using Microstructure.Risk.Margin;

namespace Microstructure.Risk.Processing;

/// <content>Staging events: engine events as they come, risk events with the account's state filled in.</content>
public sealed partial class Exchange
{
    /// <summary>Stages a risk event of <paramref name="type"/> stamped with the current command; fill it at once.</summary>
    internal ref ExchangeEvent Emit(ExchangeEventType type)
    {
        ref var e = ref _events.Add(type, _sequence, _timestamp);
        e.TriggerSequence = CurrentTrigger;
        return ref e;
    }

    /// <summary>The command that caused what happens now: the running liquidation's trigger, else the current command.</summary>
    private long CurrentTrigger => _activeLiquidation != 0 && _activeTrigger >= 0 ? _activeTrigger : _sequence;

    private void StageEngineEvent(in EngineEvent source)
    {
        ref var e = ref _events.Add((ExchangeEventType)source.Type, source.CommandSequence, source.Timestamp);
        e.Side = source.Side;
        e.RejectReason = source.RejectReason;
        e.CancelReason = source.CancelReason;
        e.OrderId = source.OrderId;
        e.AccountId = source.AccountId;
        e.MakerOrderId = source.MakerOrderId;
        e.MakerAccountId = source.MakerAccountId;
        e.Price = source.Price;
        e.Quantity = source.Quantity;
        e.RemainingQuantity = source.RemainingQuantity;
        e.MakerRemainingQuantity = source.MakerRemainingQuantity;
        e.BidPrice = source.BidPrice;
        e.BidQuantity = source.BidQuantity;
        e.AskPrice = source.AskPrice;
        e.AskQuantity = source.AskQuantity;
        e.OrderType = source.OrderType;
        e.TimeInForce = source.TimeInForce;
        e.Flags = source.Flags;
        e.StopPrice = source.StopPrice;
        e.DisplayQuantity = source.DisplayQuantity;
        e.Level = source.Level;
        e.OrderCount = source.OrderCount;
        e.LiquidationId = _activeLiquidation;
        e.TriggerSequence = CurrentTrigger;
    }

    private void EmitReject(in ExchangeCommand command, RiskRejectReason reason)
    {
        ref var e = ref Emit(ExchangeEventType.RiskRejected);
        e.RiskReason = reason;
        if (command.Type == ExchangeCommandType.Order)
        {
            ref readonly var o = ref command.Order;
            e.AccountId = o.AccountId;
            e.OrderId = o.OrderId;
            e.Side = o.Side;
            e.Price = o.Price;
            e.Quantity = o.Quantity;
        }
        else
        {
            e.AccountId = command.AccountId;
            e.Price = command.Price;
            e.Amount = command.Amount;
        }
    }

    /// <summary>Stages a liquidation event with the account's position, equity, MM, margin ratio and bankruptcy price at the mark.</summary>
    internal ref ExchangeEvent EmitLiquidation(ExchangeEventType type, int account, long liquidationId)
    {
        ref var a = ref _accounts[account];
        ref var e = ref Emit(type);
        e.AccountId = account;
        e.LiquidationId = liquidationId;
        e.TriggerSequence = TriggerOf(liquidationId, account);
        e.Design = _design.Kind;
        e.MarkPrice = new Price(_mark);
        e.PositionLots = a.Lots;
        long equity = _margin.Equity(a.MarginCash, a.Lots, _mark);
        long mm = _margin.Maintenance(a.Lots, a.CostBasis, _mark);
        e.Equity = equity;
        e.MaintenanceMargin = mm;
        e.MarginRatio = a.Lots == 0 ? 0 : MarginModel.MarginRatio(equity, mm);
        e.BankruptcyPrice = new Price(a.Lots == 0 ? 0 : _margin.BankruptcyPrice(a.MarginCash, a.Lots));
        long fund = InsuranceFund;
        e.FundBefore = fund;
        e.FundAfter = fund;
        return ref e;
    }

    /// <summary>
    /// The command sequence that caused liquidation <paramref name="liquidationId"/>: the running liquidation's trigger,
    /// else the account's own, else the current command.
    /// </summary>
    internal long TriggerOf(long liquidationId, int account)
    {
        if (liquidationId != 0 && liquidationId == _activeLiquidation && _activeTrigger >= 0)
        {
            return _activeTrigger;
        }

        ref var a = ref _accounts[account];
        return liquidationId != 0 && a.LiquidationId == liquidationId ? a.TriggerSequence : _sequence;
    }

    /// <summary>Stages an insurance-fund movement (the fund balance has already moved by <paramref name="delta"/>).</summary>
    private void EmitFund(FundMovementReason reason, long delta, int account, long liquidationId)
    {
        ref var e = ref Emit(ExchangeEventType.InsuranceFund);
        e.FundReason = reason;
        e.Amount = delta;
        e.AccountId = account;
        e.LiquidationId = liquidationId;
        e.Design = liquidationId != 0 ? _design.Kind : LiquidationDesignKind.None;
        e.FundAfter = InsuranceFund;
        e.FundBefore = e.FundAfter - delta;
        e.MarkPrice = new Price(_mark);
        e.TriggerSequence = liquidationId != 0 ? TriggerOf(liquidationId, account) : _sequence;
    }
}
