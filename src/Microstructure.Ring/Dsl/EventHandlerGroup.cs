namespace Microstructure.Ring;

/// <summary>
/// A set of processors of one <see cref="Disruptor{T}"/>, used to chain consumers after them:
/// <c>d.HandleEventsWith(a).Then(b)</c> for a pipeline, <c>ga.And(gb).Then(c)</c> for a diamond.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
public sealed class EventHandlerGroup<T>
    where T : struct
{
    private readonly Disruptor<T> _disruptor;
    private readonly IEventProcessor[] _processors;

    internal EventHandlerGroup(Disruptor<T> disruptor, IEventProcessor[] processors)
    {
        _disruptor = disruptor;
        _processors = processors;
    }

    /// <summary>The processors in this group.</summary>
    public IReadOnlyList<IEventProcessor> Processors => _processors;

    /// <summary>The sequences of the processors in this group.</summary>
    /// <returns>A new array of the sequences.</returns>
    public Sequence[] GetSequences() => Array.ConvertAll(_processors, p => p.Sequence);

    /// <summary>Adds a consumer that sees each event only after every processor of this group has.</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <returns>A group holding the new processor.</returns>
    public EventHandlerGroup<T> Then<THandler>(THandler handler)
        where THandler : IEventHandler<T> =>
        _disruptor.CreateEventProcessor(GetSequences(), handler, out _);

    /// <summary>Adds a consumer that sees each event only after every processor of this group has.</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <param name="processor">The created processor (for its handler state and sequence).</param>
    /// <returns>A group holding the new processor.</returns>
    public EventHandlerGroup<T> Then<THandler>(THandler handler, out BatchEventProcessor<T, THandler> processor)
        where THandler : IEventHandler<T> =>
        _disruptor.CreateEventProcessor(GetSequences(), handler, out processor);

    /// <summary>The union of this group and <paramref name="other"/>, e.g. to join the branches of a diamond.</summary>
    /// <param name="other">A group of the same disruptor.</param>
    /// <returns>The combined group.</returns>
    /// <exception cref="ArgumentException">The groups belong to different disruptors.</exception>
    public EventHandlerGroup<T> And(EventHandlerGroup<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(other._disruptor, _disruptor))
        {
            throw new ArgumentException("Both groups must belong to the same disruptor.", nameof(other));
        }

        var combined = new List<IEventProcessor>(_processors);
        foreach (var processor in other._processors)
        {
            if (!combined.Contains(processor))
            {
                combined.Add(processor);
            }
        }

        return new EventHandlerGroup<T>(_disruptor, [.. combined]);
    }
}
