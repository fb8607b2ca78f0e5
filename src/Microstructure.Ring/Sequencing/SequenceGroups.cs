namespace Microstructure.Ring;

/// <summary>Copy-on-write management of gating sequence arrays and their minimum.</summary>
internal static class SequenceGroups
{
    /// <summary>The smallest value among <paramref name="sequences"/>, or <paramref name="minimum"/> if smaller or the array is empty.</summary>
    public static long GetMinimumSequence(Sequence[] sequences, long minimum)
    {
        for (var i = 0; i < sequences.Length; i++)
        {
            var value = sequences[i].Value;
            if (value < minimum)
            {
                minimum = value;
            }
        }

        return minimum;
    }

    /// <summary>
    /// Adds sequences, moving each to the current cursor first so that a late-joining consumer
    /// does not gate the producer on events published before it joined.
    /// </summary>
    public static void AddSequences(ref Sequence[] field, Sequence cursor, Sequence[] sequencesToAdd)
    {
        Sequence[] current;
        Sequence[] updated;
        long cursorValue;
        do
        {
            current = Volatile.Read(ref field);
            updated = new Sequence[current.Length + sequencesToAdd.Length];
            Array.Copy(current, updated, current.Length);
            cursorValue = cursor.Value;
            for (var i = 0; i < sequencesToAdd.Length; i++)
            {
                sequencesToAdd[i].SetValue(cursorValue);
                updated[current.Length + i] = sequencesToAdd[i];
            }
        }
        while (Interlocked.CompareExchange(ref field, updated, current) != current);

        // The cursor may have moved while we swapped; catch the new sequences up again.
        cursorValue = cursor.Value;
        foreach (var sequence in sequencesToAdd)
        {
            if (sequence.Value < cursorValue)
            {
                sequence.SetValue(cursorValue);
            }
        }
    }

    /// <summary>Removes every occurrence of <paramref name="sequence"/>; returns whether one was found.</summary>
    public static bool RemoveSequence(ref Sequence[] field, Sequence sequence)
    {
        Sequence[] current;
        Sequence[] updated;
        do
        {
            current = Volatile.Read(ref field);
            var count = 0;
            foreach (var s in current)
            {
                if (ReferenceEquals(s, sequence))
                {
                    count++;
                }
            }

            if (count == 0)
            {
                return false;
            }

            updated = new Sequence[current.Length - count];
            var j = 0;
            foreach (var s in current)
            {
                if (!ReferenceEquals(s, sequence))
                {
                    updated[j++] = s;
                }
            }
        }
        while (Interlocked.CompareExchange(ref field, updated, current) != current);

        return true;
    }
}
