using Microstructure.Engine;
using Microstructure.Replay.Io;
using Microstructure.Replay.Output;
using Microstructure.Replay.Processing;

namespace Microstructure.Replay.Lobster;

/// <content>Applying one message, reconciling it with what simulated flow took, injections and halts.</content>
internal sealed partial class LobsterSession<TProcessor>
{
    private int _nextInjection;
    private int _deferredCounted;
    private HaltState _halt;

    private void Apply(in LobsterMessage m)
    {
        DeliverInjections(m.TimeNs);
        _lastTime = m.TimeNs;
        _book.Now = m.TimeNs;
        switch (m.Type)
        {
            case LobsterEventType.NewLimit:
                var reject = _book.PlaceLimit(m.OrderId, m.Side, m.Price, m.Size);
                if (reject != RejectReason.None)
                {
                    ThrowAt(RejectText(reject, m.Price), reject == RejectReason.DuplicateOrderId ? InputErrorKind.InvalidValue : InputErrorKind.InvalidValue);
                }

                break;
            case LobsterEventType.PartialCancel:
                RemoveVisible(in m, execution: false, delete: false);
                break;
            case LobsterEventType.Delete:
                RemoveVisible(in m, execution: false, delete: true);
                break;
            case LobsterEventType.VisibleExecution:
                var applied = RemoveVisible(in m, execution: true, delete: false);
                _report.HistoricalTrades++;
                _report.HistoricalTradeLots += applied;
                RecordTrade(in m, applied, "visible");
                break;
            case LobsterEventType.HiddenExecution or LobsterEventType.CrossTrade:
                _report.HiddenTrades++;
                _report.HiddenTradeLots += m.Size;
                RecordTrade(in m, m.Size, m.Type == LobsterEventType.HiddenExecution ? "hidden" : "cross");
                break;
            default:
                SetHalt(in m);
                break;
        }
    }

    /// <summary>
    /// Removes a cancel, delete or execution from the book. The named order gives what it still has; what it lacks
    /// is first dropped against recorded depletion (a simulated order took it), then taken from other historical
    /// liquidity at the price (level-only liquidity first). Returns the lots removed from the book.
    /// </summary>
    private long RemoveVisible(in LobsterMessage m, bool execution, bool delete)
    {
        var applied = delete ? _book.Cancel(m.OrderId) : _book.Reduce(m.OrderId, m.Size);
        var rest = m.Size - applied;
        if (rest <= 0)
        {
            return applied;
        }

        if (_ledger.Any)
        {
            var dropped = _ledger.Take(m.OrderId, rest);
            dropped += _ledger.Take(ReplayOrderIds.Placeholder(m.Side, m.Price), rest - dropped);
            if (dropped > 0)
            {
                CountDropped(in m, execution, dropped);
                rest -= dropped;
            }
        }

        if (rest > 0)
        {
            var taken = _book.TakeHistorical(m.Side, m.Price, rest);
            applied += taken;
            rest -= taken;
        }

        if (rest > 0)
        {
            if (!_ledger.Any && _book.Recorder.SimulatedFills == 0)
            {
                ThrowAt(applied == 0
                    ? $"order {m.OrderId} ({Describe(in m)}) is not in the book and no liquidity rests at that price to absorb it"
                    : $"{Describe(in m)} of order {m.OrderId} exceeds the {applied} lots the order and its price level hold", InputErrorKind.UnknownOrder);
            }

            _counts.UnmatchedEvents++;
            _counts.UnmatchedLots += rest;
            _book.Recorder.Write(new TapeRow
            {
                Sequence = _book.Sequence, TimeNs = m.TimeNs, Event = TapeEvent.Reconcile, Side = m.Side, Price = m.Price,
                Quantity = rest, OrderId = m.OrderId, Detail = "unmatched",
            });
        }

        return applied;
    }

    private void CountDropped(in LobsterMessage m, bool execution, long dropped)
    {
        if (execution)
        {
            _counts.DroppedExecutions++;
            _counts.DroppedExecutionLots += dropped;
        }
        else
        {
            _counts.DroppedCancels++;
            _counts.DroppedCancelLots += dropped;
        }

        _book.Recorder.Write(new TapeRow
        {
            Sequence = _book.Sequence, TimeNs = m.TimeNs, Event = TapeEvent.Reconcile, Side = m.Side, Price = m.Price,
            Quantity = dropped, OrderId = m.OrderId, Detail = execution ? "execution-dropped" : "cancel-dropped",
        });
    }

    private void RecordTrade(in LobsterMessage m, long lots, string detail)
    {
        // LOBSTER's direction is the side of the resting order; the aggressor is the other side.
        var aggressor = m.Side == Side.Buy ? Side.Sell : Side.Buy;
        if (lots > 0)
        {
            _book.Recorder.Write(new TapeRow
            {
                Sequence = _book.Sequence, TimeNs = m.TimeNs, Event = TapeEvent.Trade, Side = aggressor, Price = m.Price,
                Quantity = lots, OrderId = m.OrderId, Detail = detail,
            });
        }

        var update = new MarketDataUpdate
        {
            Kind = MarketDataKind.Trade, Timestamp = new Timestamp(m.TimeNs), Side = aggressor, Price = new Price(m.Price),
            Quantity = new Quantity(m.Size),
        };
        _book.OnMarketData(in update);
    }

    private void SetHalt(in LobsterMessage m)
    {
        _report.Halts++;
        _halt = m.Price switch { -1 => HaltState.Halted, 0 => HaltState.Quoting, _ => HaltState.Trading };
        _book.Recorder.Write(new TapeRow
        {
            Sequence = _book.Sequence, TimeNs = m.TimeNs, Event = TapeEvent.Halt,
            Detail = _halt switch { HaltState.Halted => "halted", HaltState.Quoting => "quoting", _ => "trading" },
        });
        var update = new MarketDataUpdate { Kind = MarketDataKind.Halt, Timestamp = new Timestamp(m.TimeNs), Halt = _halt };
        _book.OnMarketData(in update);
        if (_halt == HaltState.Trading)
        {
            // Orders held back by the halt run now, at the resumption, in their original order.
            DeliverInjections(m.TimeNs + 1);
        }
    }

    /// <summary>
    /// Submits the injected orders due before <paramref name="time"/> (after every historical event at or before their
    /// time), each after the processor's own work due at or before its time; then the processor's work due before
    /// <paramref name="time"/>. Nothing runs while trading is halted.
    /// </summary>
    private void DeliverInjections(long time)
    {
        var injections = _injections;
        while (_nextInjection < injections.Length && injections[_nextInjection].TimeNs < time)
        {
            if (_halt != HaltState.Trading)
            {
                for (; _deferredCounted < injections.Length && injections[_deferredCounted].TimeNs < time; _deferredCounted++)
                {
                    _counts.DeferredByHalt++;
                }

                return;
            }

            var order = injections[_nextInjection++];
            _deferredCounted = Math.Max(_deferredCounted, _nextInjection);
            _book.Now = _lastTime;
            _book.Advance(order.TimeNs + 1);
            _book.Now = Math.Max(order.TimeNs, _lastTime);
            _book.Inject(order, FormatPrice);
        }

        if (_halt == HaltState.Trading)
        {
            _book.Now = _lastTime;
            _book.Advance(time);
        }
    }

    private static string Describe(in LobsterMessage m) =>
        $"{(m.Type switch { LobsterEventType.PartialCancel => "cancel", LobsterEventType.Delete => "delete", _ => "execution" })} of {m.Size} {(m.Side == Side.Buy ? "bid" : "ask")} at {FormatPrice(m.Price)}";

    private void ThrowAt(string detail, InputErrorKind kind) =>
        throw new ReplayInputException(_messages.Name, _messages.LineNumber, detail, kind);
}
