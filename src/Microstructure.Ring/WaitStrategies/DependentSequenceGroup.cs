namespace Microstructure.Ring;

/// <summary>
/// What a consumer waits for: the ring's cursor and the sequences of the consumers upstream of it.
/// </summary>
public sealed class DependentSequenceGroup
{
    private readonly Sequence _cursor;
    private readonly Sequence[] _dependentSequences;

    /// <summary>Creates a group over <paramref name="cursor"/> and <paramref name="dependentSequences"/>.</summary>
    /// <param name="cursor">The sequencer's cursor.</param>
    /// <param name="dependentSequences">Upstream consumer sequences; empty for a first-stage consumer.</param>
    public DependentSequenceGroup(Sequence cursor, params Sequence[] dependentSequences)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(dependentSequences);
        _cursor = cursor;
        _dependentSequences = (Sequence[])dependentSequences.Clone();
    }

    /// <summary>The cursor's value.</summary>
    public long CursorValue => _cursor.Value;

    /// <summary>Number of upstream sequences.</summary>
    public int Count => _dependentSequences.Length;

    /// <summary>
    /// The highest sequence this consumer may reach: the minimum of the upstream sequences, or
    /// the cursor when there are none (upstream consumers never pass the cursor).
    /// </summary>
    public long Value
    {
        get
        {
            var dependents = _dependentSequences;
            if (dependents.Length == 0)
            {
                return _cursor.Value;
            }

            var minimum = dependents[0].Value;
            for (var i = 1; i < dependents.Length; i++)
            {
                var value = dependents[i].Value;
                if (value < minimum)
                {
                    minimum = value;
                }
            }

            return minimum;
        }
    }
}
