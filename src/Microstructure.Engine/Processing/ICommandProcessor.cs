namespace Microstructure.Engine.Processing;

/// <summary>
/// A deterministic business-logic processor: applies one input slot and emits the resulting events in order.
/// The generic pipeline (<see cref="BusinessLogicPipeline{TSlot, TEvent, TProcessor}"/>) drives any processor of this
/// shape on its one business-logic thread; the same processor can also be called synchronously.
/// </summary>
/// <typeparam name="TSlot">The input-ring slot (a command plus whatever the source stamps on it).</typeparam>
/// <typeparam name="TEvent">The output event type.</typeparam>
/// <remarks>
/// Implement it on a struct that wraps the processor object: the pipeline uses it through a generic type parameter,
/// so the JIT specializes the call (and the generic <see cref="Process{TSink}"/>) instead of dispatching virtually.
/// </remarks>
public interface ICommandProcessor<TSlot, TEvent>
    where TSlot : struct
    where TEvent : struct
{
    /// <summary>Applies <paramref name="slot"/> and emits its events to <paramref name="sink"/>.</summary>
    /// <typeparam name="TSink">A struct sink.</typeparam>
    /// <param name="slot">The input slot.</param>
    /// <param name="sequence">The sequence number to stamp on every event the slot causes.</param>
    /// <param name="sink">Receives the events, in order.</param>
    void Process<TSink>(in TSlot slot, long sequence, ref TSink sink)
        where TSink : struct, IEventSink<TEvent>;
}
