namespace Microstructure.Analysis.Tables;

/// <summary>
/// A fixed-capacity columnar buffer of rows: one typed array per column, filled row by row through
/// <see cref="RowWriter"/> and drained as one Parquet row group / one block of CSV lines.
/// </summary>
internal sealed class RowBatch
{
    private readonly ColumnBuffer[] _columns;

    /// <summary>Creates an empty batch for <paramref name="schema"/> holding up to <paramref name="capacity"/> rows.</summary>
    public RowBatch(TableSchema schema, int capacity)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (capacity < 1)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(capacity), "A batch holds at least one row.");
        }

        Schema = schema;
        Capacity = capacity;
        _columns = new ColumnBuffer[schema.Count];
        for (int i = 0; i < schema.Count; i++)
        {
            _columns[i] = ColumnBuffer.Create(schema[i], capacity);
        }
    }

    /// <summary>The schema of the rows.</summary>
    public TableSchema Schema { get; }

    /// <summary>Maximum rows.</summary>
    public int Capacity { get; }

    /// <summary>Rows written so far.</summary>
    public int Count { get; private set; }

    /// <summary>True when no further row fits.</summary>
    public bool IsFull => Count == Capacity;

    internal ReadOnlySpan<ColumnBuffer> Columns => _columns;

    /// <summary>Starts the next row; fill every column in schema order, then call <see cref="RowWriter.Complete"/>.</summary>
    /// <exception cref="InvalidOperationException">The batch is full.</exception>
    public RowWriter BeginRow()
    {
        if (IsFull)
        {
            ThrowHelper.ThrowInvalidOperation("The batch is full; drain it before adding rows.");
        }

        return new RowWriter(this, Count);
    }

    internal ColumnBuffer Column(int index) => _columns[index];

    internal void CompleteRow() => Count++;

    /// <summary>Empties the batch (and drops string references) after it has been written.</summary>
    public void Clear()
    {
        foreach (ColumnBuffer c in _columns)
        {
            c.Clear(Count);
        }

        Count = 0;
    }
}
