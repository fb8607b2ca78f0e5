using System.Runtime.InteropServices;

namespace Microstructure.Ring;

/// <summary>
/// A padded, concurrently updated sequence number: the cursor of a sequencer or the progress of
/// a consumer. The value sits alone on its cache lines so that writes to it do not invalidate
/// lines holding other threads' data (and vice versa).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = (2 * Padding.Size) + sizeof(long))]
public sealed class Sequence
{
    /// <summary>The value of a sequence that has not seen any event yet.</summary>
    public const long InitialValue = -1;

    // Padding.Size bytes before: protects the value (written by its single owner thread) from
    // writes to whatever object the GC places just before this one; the Size attribute pads after.
    [FieldOffset(Padding.Size)]
    private long _value;

    /// <summary>Creates a sequence at <see cref="InitialValue"/>.</summary>
    public Sequence()
        : this(InitialValue)
    {
    }

    /// <summary>Creates a sequence at <paramref name="initialValue"/>.</summary>
    /// <param name="initialValue">The starting value.</param>
    public Sequence(long initialValue) => Volatile.Write(ref _value, initialValue);

    /// <summary>The current value (acquire read).</summary>
    public long Value => Volatile.Read(ref _value);

    /// <summary>Sets the value with release semantics: earlier writes (the event data) become visible first.</summary>
    /// <param name="value">The new value.</param>
    public void SetValue(long value) => Volatile.Write(ref _value, value);

    /// <summary>Sets the value followed by a full fence, so later reads cannot move before the write.</summary>
    /// <param name="value">The new value.</param>
    public void SetValueVolatile(long value)
    {
        Volatile.Write(ref _value, value);
        Interlocked.MemoryBarrier();
    }

    /// <summary>Atomically sets the value to <paramref name="next"/> if it equals <paramref name="expected"/>.</summary>
    /// <param name="expected">The value the sequence must hold.</param>
    /// <param name="next">The value to store.</param>
    /// <returns><see langword="true"/> if the value was replaced.</returns>
    public bool CompareAndSet(long expected, long next) =>
        Interlocked.CompareExchange(ref _value, next, expected) == expected;

    /// <summary>Atomically increments the value.</summary>
    /// <returns>The incremented value.</returns>
    public long IncrementAndGet() => Interlocked.Increment(ref _value);

    /// <summary>Atomically adds <paramref name="increment"/> to the value.</summary>
    /// <param name="increment">The amount to add.</param>
    /// <returns>The new value.</returns>
    public long AddAndGet(long increment) => Interlocked.Add(ref _value, increment);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
