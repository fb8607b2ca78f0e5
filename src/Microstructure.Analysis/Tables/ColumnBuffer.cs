using Parquet;
using Parquet.Schema;

namespace Microstructure.Analysis.Tables;

/// <summary>One column of a <see cref="RowBatch"/>: a fixed-capacity array of one value type.</summary>
internal abstract class ColumnBuffer(TableColumn column)
{
    public TableColumn Column { get; } = column;

    public static ColumnBuffer Create(TableColumn column, int capacity) => column.Type switch
    {
        ColumnType.Int64 => new Int64ColumnBuffer(column, capacity),
        ColumnType.NullableInt64 => new NullableInt64ColumnBuffer(column, capacity),
        ColumnType.Double => new DoubleColumnBuffer(column, capacity),
        ColumnType.Boolean => new BooleanColumnBuffer(column, capacity),
        _ => new StringColumnBuffer(column, capacity),
    };

    /// <summary>The Parquet field of a column: required for non-null types, optional for nullable ones.</summary>
    public static DataField ParquetFieldFor(TableColumn column) => column.Type switch
    {
        ColumnType.Int64 => new DataField<long>(column.Name),
        ColumnType.NullableInt64 => new DataField<long?>(column.Name),
        ColumnType.Double => new DataField<double>(column.Name),
        ColumnType.Boolean => new DataField<bool>(column.Name),
        _ => new DataField<string>(column.Name, nullable: true),
    };

    /// <summary>Appends the CSV text of row <paramref name="row"/> (already escaped) to <paramref name="writer"/>.</summary>
    public abstract void WriteCsv(int row, TextWriter writer);

    /// <summary>
    /// Writes the first <paramref name="count"/> values as the next column of a Parquet row group;
    /// <paramref name="field"/> must be the instance in the writer's schema.
    /// </summary>
    public abstract Task WriteParquetAsync(ParquetRowGroupWriter rowGroup, DataField field, int count, CancellationToken cancellationToken);

    /// <summary>Drops references held by the batch (strings) once written.</summary>
    public virtual void Clear(int count)
    {
    }
}
