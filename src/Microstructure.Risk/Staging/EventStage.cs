using Microstructure.Risk.Liquidation;

namespace Microstructure.Risk.Staging;

/// <summary>
/// Where every part of the exchange writes its events during a step: each is stamped with the command being applied
/// (sequence, timestamp) and attributed to the liquidation scope at work, then held until the exchange loop hands
/// the step's events to the caller's sink. Lets non-generic code emit without knowing the sink type.
/// </summary>
internal sealed class EventStage
{
    private readonly EventBuffer _buffer = new();

    /// <summary>Input sequence of the command being applied.</summary>
    public long Sequence { get; private set; }

    /// <summary>Timestamp of the command being applied.</summary>
    public Timestamp Timestamp { get; private set; }

    /// <summary>
    /// The liquidation whose work is running now (<see cref="LiquidationScope.None"/> between liquidations). Set by
    /// the liquidation desk only: the queue worker for each ticket, a desk action for the scope it was given.
    /// </summary>
    public LiquidationScope Scope { get; set; } = LiquidationScope.None;

    /// <summary>Events staged and not yet flushed.</summary>
    public int Count => _buffer.Count;

    /// <summary>The command that caused what happens now: the running liquidation's trigger, else the current command.</summary>
    public long CurrentTrigger => Scope.Id != 0 && Scope.Trigger >= 0 ? Scope.Trigger : Sequence;

    /// <summary>A staged event, to finish filling in after other events were staged (takeovers).</summary>
    public ref ExchangeEvent this[int index] => ref _buffer[index];

    /// <summary>Starts a command: its events carry <paramref name="sequence"/> and <paramref name="timestamp"/>.</summary>
    public void Begin(long sequence, Timestamp timestamp)
    {
        Sequence = sequence;
        Timestamp = timestamp;
    }

    /// <summary>Stages a risk event of <paramref name="type"/> stamped with the current command; fill it at once.</summary>
    public ref ExchangeEvent Emit(ExchangeEventType type)
    {
        ref var e = ref _buffer.Add(type, Sequence, Timestamp);
        e.TriggerSequence = CurrentTrigger;
        return ref e;
    }

    /// <summary>
    /// Stages an engine event as an exchange event, attributed to the current liquidation scope; returns it so that
    /// settlement can add what it computed (a trade's fees and balances) before the next event is staged.
    /// </summary>
    public ref ExchangeEvent StageEngineEvent(in EngineEvent source)
    {
        ref var e = ref _buffer.Add((ExchangeEventType)source.Type, source.CommandSequence, source.Timestamp);
        e.Engine = source;
        e.LiquidationId = Scope.Id;
        e.TriggerSequence = CurrentTrigger;
        return ref e;
    }

    /// <summary>Stages the refusal of <paramref name="command"/> (the only event a refused command causes).</summary>
    public void Reject(in ExchangeCommand command, RiskRejectReason reason)
    {
        ref var e = ref Emit(ExchangeEventType.RiskRejected);
        e.RiskReason = reason;
        if (command.Type == ExchangeCommandType.Order)
        {
            ref readonly var o = ref command.Order;
            e.Engine.AccountId = o.AccountId;
            e.Engine.OrderId = o.OrderId;
            e.Engine.Side = o.Side;
            e.Engine.Price = o.Price;
            e.Engine.Quantity = o.Quantity;
        }
        else
        {
            e.Engine.AccountId = command.AccountId;
            e.Engine.Price = command.Price;
            e.Amount = command.Amount;
        }
    }

    /// <summary>Reads every event before it is flushed (the predictive-margin mitigation's live features); null = none.</summary>
    public IStagedEventReader? Reader { get; set; }

    /// <summary>Hands the staged events to <see cref="Reader"/> and to <paramref name="sink"/>, in order, and empties the stage.</summary>
    public void Flush<TSink>(ref TSink sink)
        where TSink : struct, IEventSink<ExchangeEvent>
    {
        if (Reader is { } reader)
        {
            for (int i = 0; i < _buffer.Count; i++)
            {
                reader.OnEvent(in _buffer[i]);
            }
        }

        _buffer.Flush(ref sink);
    }
}
