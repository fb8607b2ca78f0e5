namespace Microstructure.Risk.Staging;

/// <summary>
/// Events of the current step, in emission order, until the exchange hands them to the caller's sink: the storage
/// behind <see cref="EventStage"/>. Grows to the largest step seen, then never allocates again.
/// </summary>
internal sealed class EventBuffer
{
    private ExchangeEvent[] _items = new ExchangeEvent[1024];
    private int _count;

    public int Count => _count;

    /// <summary>Appends a cleared event stamped with the command's sequence and timestamp; fill it before the next Add.</summary>
    public ref ExchangeEvent Add(ExchangeEventType type, long sequence, Timestamp timestamp)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        ref var e = ref _items[_count++];
        e = default;
        e.Type = type;
        e.Engine.CommandSequence = sequence;
        e.Engine.Timestamp = timestamp;
        return ref e;
    }

    public ref ExchangeEvent this[int index] => ref _items[index];

    public void Flush<TSink>(ref TSink sink)
        where TSink : struct, IEventSink<ExchangeEvent>
    {
        var items = _items;
        int count = _count;
        for (int i = 0; i < count; i++)
        {
            sink.OnEvent(in items[i]);
        }

        _count = 0;
    }
}
