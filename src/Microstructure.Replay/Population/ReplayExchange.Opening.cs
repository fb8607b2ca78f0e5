using Microstructure.Replay.Io;
using Microstructure.Engine;
using Microstructure.Replay.Processing;
using Microstructure.Risk;
using Microstructure.Risk.Accounts;

namespace Microstructure.Replay.Population;

/// <content>Opening the population against the replayed book.</content>
internal sealed partial class ReplayExchange
{
    /// <summary>
    /// Opens the population when it is due: its entry time lies before <paramref name="timeNs"/> (the next event),
    /// or the replayed mid has reached its entry price. Not before the book has both sides (the orders need
    /// something to trade with).
    /// </summary>
    internal void Advance<TSink>(long timeNs, long nowNs, ref long sequence, ref TSink sink)
        where TSink : struct, IReplaySink
    {
        if (_opened || !IsDue(timeNs) || Mid() <= 0)
        {
            return;
        }

        var events = new ExchangeEventSink<TSink>(this, sink);
        var stamp = Math.Max(Spec.Entry.TimeNs ?? nowNs, nowNs);
        Start(stamp, ref sequence, ref events);
        Open(stamp, ref sequence, ref events);
        AfterStep(stamp, ref sequence, ref events);
    }

    private bool IsDue(long timeNs)
    {
        if (Spec.Entry.TimeNs is { } entry)
        {
            return entry < timeNs;
        }

        var mid = Mid();
        if (mid <= 0)
        {
            return false;
        }

        var price = Spec.Entry.PriceTicks!.Value;
        _entryFromBelow ??= mid < price;
        return _entryFromBelow.Value ? mid >= price : mid <= price;
    }

    /// <summary>
    /// Each account in order: margin mode, leverage, a deposit of exactly the initial margin plus taker fee the risk
    /// layer asks for its opening market order, then the order. A refused command is counted and the account skipped.
    /// </summary>
    private void Open<TSink>(long time, ref long sequence, ref ExchangeEventSink<TSink> events)
        where TSink : struct, IReplaySink
    {
        _opened = true;
        OpenedAtNs = time;
        if (Exchange.MarkPrice.Ticks == 0)
        {
            // External sources that have not priced the contract yet (no trade, no ticker row): start from the mid.
            _pushedMark = Mid();
            Send(ExchangeCommand.ForPrice(ExchangeCommandType.MarkPrice, _pushedMark, time), ref sequence, ref events);
        }

        foreach (var a in Accounts)
        {
            if (Spec.MarginMode == MarginMode.Isolated && !SendWatched(ExchangeCommand.SetMode(a.AccountId, MarginMode.Isolated, time), a.AccountId, ref sequence, ref events))
            {
                continue;
            }

            if (!SendWatched(ExchangeCommand.ForAccount(ExchangeCommandType.SetLeverage, a.AccountId, a.Leverage, time), a.AccountId, ref sequence, ref events)
                || !SendWatched(ExchangeCommand.Cash(ExchangeCommandType.Deposit, a.AccountId, OpeningMargin(a), time), a.AccountId, ref sequence, ref events))
            {
                continue;
            }

            var order = new OrderCommand
            {
                Type = CommandType.Place,
                OrderType = OrderType.Market,
                TimeInForce = TimeInForce.Ioc,
                Side = a.Side,
                OrderId = new OrderId(ReplayOrderIds.Population(_nextPopulationOrder++)),
                AccountId = a.AccountId,
                Quantity = new Quantity(a.Lots),
                Timestamp = new Timestamp(time),
            };
            SendWatched(ExchangeCommand.ForOrder(in order, time), a.AccountId, ref sequence, ref events);
        }
    }

    /// <summary>
    /// What the risk layer's pre-trade check asks of a market order from a flat account: initial margin
    /// ⌈notional / leverage⌉ plus the taker fee ⌈notional × rate⌉ on the notional at its valuation, max(mark, best
    /// opposite price) × (1 + market buffer) (docs/risk.md §2). Posting exactly that makes the leverage the
    /// account's real leverage at entry.
    /// </summary>
    private long OpeningMargin(in PopulationAccount a)
    {
        var engine = Exchange.Engine;
        var opposite = a.Side == Side.Buy ? engine.BestAsk.Ticks : engine.BestBid.Ticks;
        var basis = Math.Max(Exchange.MarkPrice.Ticks, opposite);
        var valuation = basis + FixedPoint.RateCeil(basis, _marketBuffer);
        long perLot = valuation * Exchange.CashPerTickLot;
        if (a.Lots > long.MaxValue / 4 / perLot)
        {
            // A user's size, not a bug: say which field to change (issue 12) instead of an overflow's stack trace.
            throw new ReplayInputException(Spec.Source, 0,
                $"size.max: a position of {a.Lots:N0} lots at {valuation:N0} ticks is too large for 64-bit cash; lower size.max (at most {long.MaxValue / 4 / perLot:N0} lots at this price)");
        }

        var notional = a.Lots * perLot;
        return FixedPoint.CeilDiv(notional, a.Leverage) + FixedPoint.RateCeil(notional, _takerFee);
    }

    /// <summary>Sends a population command; false (the refusal is counted) when the risk layer refuses it.</summary>
    private bool SendWatched<TSink>(in ExchangeCommand command, long account, ref long sequence, ref ExchangeEventSink<TSink> events)
        where TSink : struct, IReplaySink
    {
        Watch(account, command.Type == ExchangeCommandType.Order ? command.Order.OrderId.Value : 0);
        Send(in command, ref sequence, ref events);
        return EndWatch() == RiskRejectReason.None;
    }
}
