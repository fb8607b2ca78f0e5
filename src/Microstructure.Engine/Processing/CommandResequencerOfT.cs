using Microstructure.Ring;

namespace Microstructure.Engine.Processing;

/// <summary>
/// Restores the source order of slots that several producers wrote into the input ring in racing order, so that
/// the processor applies them — and the journal records them — identically on every run.
/// </summary>
/// <remarks>
/// A fixed window of pre-allocated slots holds commands that arrived ahead of the next expected source sequence.
/// The window cannot grow: the processor is the ring's only consumer, so blocking it to wait for a late producer
/// would deadlock a full ring. Instead producers wait before they claim a slot (back-pressure through
/// <see cref="Applied"/>, see <see cref="BusinessLogicPipeline{TSlot, TEvent, TProcessor}.PublishSequenced"/>), so a
/// late producer only slows the others down. A command beyond the window anyway, or one seen twice, is a producer
/// bug and is thrown (the pipeline's exception policy then halts the processor with the fault).
/// </remarks>
/// <typeparam name="TSlot">The input-ring slot type.</typeparam>
internal sealed class CommandResequencer<TSlot>
    where TSlot : struct, ISequencedSlot
{
    private readonly TSlot[] _window;
    private readonly bool[] _present;
    private readonly long _mask;
    private readonly Sequence _applied = new();
    private long _next;
    private int _held;

    /// <summary>Creates a resequencer expecting source sequence 0 first.</summary>
    /// <param name="windowSize">How far ahead of the next expected sequence a command may arrive; a power of two.</param>
    public CommandResequencer(int windowSize)
    {
        if (windowSize <= 0 || (windowSize & (windowSize - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(windowSize), windowSize, "The reorder window must be a positive power of two.");
        }

        _window = new TSlot[windowSize];
        _present = new bool[windowSize];
        _mask = windowSize - 1;
    }

    /// <summary>The next source sequence the processor will apply.</summary>
    public long NextExpected => _next;

    /// <summary>
    /// The highest source sequence applied so far (−1 before the first), published for producers on other threads:
    /// a producer may send source sequence <c>s</c> only while <c>s − Applied ≤ WindowSize</c>.
    /// </summary>
    public Sequence Applied => _applied;

    /// <summary>How far ahead of the next expected sequence a command may arrive.</summary>
    public int WindowSize => _window.Length;

    /// <summary>Commands waiting for an earlier one.</summary>
    public int Held => _held;

    /// <summary>Takes one slot from the ring and applies every slot that is now in order.</summary>
    public void Accept<TEvent, TProcessor, TSink>(in TSlot slot, ref TProcessor processor, ref TSink sink)
        where TEvent : struct
        where TProcessor : struct, ICommandProcessor<TSlot, TEvent>
        where TSink : struct, IEventSink<TEvent>
    {
        long source = slot.SourceSequence;
        if (source == _next)
        {
            processor.Process(in slot, source, ref sink);
            _next++;
            DrainInOrder<TEvent, TProcessor, TSink>(ref processor, ref sink);
            _applied.SetValue(_next - 1);
            return;
        }

        if (source < _next)
        {
            ThrowDuplicate(source);
        }

        if (source - _next >= _window.Length)
        {
            ThrowBeyondWindow(source);
        }

        long index = source & _mask;
        if (_present[index])
        {
            ThrowDuplicate(source);
        }

        _window[index] = slot;
        _present[index] = true;
        _held++;
    }

    private void DrainInOrder<TEvent, TProcessor, TSink>(ref TProcessor processor, ref TSink sink)
        where TEvent : struct
        where TProcessor : struct, ICommandProcessor<TSlot, TEvent>
        where TSink : struct, IEventSink<TEvent>
    {
        while (_held > 0)
        {
            long index = _next & _mask;
            if (!_present[index])
            {
                return;
            }

            processor.Process(in _window[index], _next, ref sink);
            _present[index] = false;
            _held--;
            _next++;
        }
    }

    private static void ThrowDuplicate(long source) =>
        throw new InvalidOperationException($"Source sequence {source} arrived twice; each command must carry a unique source sequence.");

    private void ThrowBeyondWindow(long source) =>
        throw new InvalidOperationException(
            $"Source sequence {source} arrived while {_next} is still missing; the gap exceeds the reorder window of {_window.Length}.");
}
