namespace Microstructure.Analysis.Tables;

/// <summary>
/// Fills one row of a <see cref="RowBatch"/> column by column, in schema order, checking each value's type
/// against the schema (a mapper bug fails loudly, naming the column, instead of shifting columns).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Each method writes a column of the type it is named after (ColumnType.Int64, Double, String).")]
public ref struct RowWriter
{
    private readonly RowBatch _batch;
    private readonly int _row;
    private int _column;

    internal RowWriter(RowBatch batch, int row)
    {
        _batch = batch;
        _row = row;
        _column = 0;
    }

    /// <summary>Writes an <see cref="ColumnType.Int64"/> value.</summary>
    public void Int64(long value) => Next<Int64ColumnBuffer>(ColumnType.Int64).Values[_row] = value;

    /// <summary>Writes a <see cref="ColumnType.NullableInt64"/> value (null allowed).</summary>
    public void NullableInt64(long? value) => Next<NullableInt64ColumnBuffer>(ColumnType.NullableInt64).Values[_row] = value;

    /// <summary>Writes a <see cref="ColumnType.Double"/> value.</summary>
    public void Double(double value) => Next<DoubleColumnBuffer>(ColumnType.Double).Values[_row] = value;

    /// <summary>Writes a <see cref="ColumnType.Boolean"/> value.</summary>
    public void Boolean(bool value) => Next<BooleanColumnBuffer>(ColumnType.Boolean).Values[_row] = value;

    /// <summary>Writes a <see cref="ColumnType.String"/> value (null allowed).</summary>
    public void String(string? value) => Next<StringColumnBuffer>(ColumnType.String).Values[_row] = value;

    /// <summary>Ends the row; every column must have been written.</summary>
    /// <exception cref="InvalidOperationException">Columns are missing (the first missing one is named).</exception>
    public void Complete()
    {
        if (_column != _batch.Schema.Count)
        {
            ThrowHelper.ThrowInvalidOperation(
                $"Row ended after {_column} of {_batch.Schema.Count} columns; '{_batch.Schema[_column].Name}' was not written.");
        }

        _batch.CompleteRow();
        _column = -1;
    }

    private TBuffer Next<TBuffer>(ColumnType type)
        where TBuffer : ColumnBuffer
    {
        if (_column < 0 || _column >= _batch.Schema.Count)
        {
            ThrowHelper.ThrowInvalidOperation($"The row already has all {_batch.Schema.Count} columns (or was completed).");
        }

        if (_batch.Column(_column) is not TBuffer buffer)
        {
            TableColumn c = _batch.Schema[_column];
            ThrowHelper.ThrowInvalidOperation($"Column '{c.Name}' holds {c.Type} values, not {type}.");
            return null!;
        }

        _column++;
        return buffer;
    }
}
