namespace Microstructure.Replay.Io;

/// <summary>A forward cursor over the comma-separated fields of one CSV line (no quoting: none of our formats quote).</summary>
internal ref struct FieldCursor
{
    private ReadOnlySpan<byte> _rest;
    private bool _done;

    /// <summary>Starts before the first field of <paramref name="line"/>.</summary>
    /// <param name="line">The line without its newline.</param>
    public FieldCursor(ReadOnlySpan<byte> line)
    {
        _rest = line;
        _done = false;
        Index = -1;
    }

    /// <summary>0-based index of the field last returned by <see cref="TryNext"/>.</summary>
    public int Index { get; private set; }

    /// <summary>Number of fields in <paramref name="line"/> (vectorized count of separators).</summary>
    /// <param name="line">The line.</param>
    /// <returns>Separators + 1.</returns>
    public static int CountFields(ReadOnlySpan<byte> line) => line.Count((byte)',') + 1;

    /// <summary>Moves to the next field.</summary>
    /// <param name="field">The field's bytes (possibly empty).</param>
    /// <returns>False when the line has no more fields.</returns>
    public bool TryNext(out ReadOnlySpan<byte> field)
    {
        if (_done)
        {
            field = default;
            return false;
        }

        Index++;
        var comma = _rest.IndexOf((byte)',');
        if (comma < 0)
        {
            field = _rest;
            _rest = default;
            _done = true;
            return true;
        }

        field = _rest[..comma];
        _rest = _rest[(comma + 1)..];
        return true;
    }

    /// <summary>Returns the next field, or an empty span when the line has no more (callers check counts first).</summary>
    /// <returns>The field.</returns>
    public ReadOnlySpan<byte> Next() => TryNext(out var field) ? field : default;
}
