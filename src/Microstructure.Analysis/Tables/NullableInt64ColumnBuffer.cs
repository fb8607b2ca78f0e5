using Parquet;
using Parquet.Schema;

namespace Microstructure.Analysis.Tables;

internal sealed class NullableInt64ColumnBuffer(TableColumn column, int capacity) : ColumnBuffer(column)
{
    public long?[] Values { get; } = new long?[capacity];

    public override void WriteCsv(int row, TextWriter writer)
    {
        if (Values[row] is { } v)
        {
            CsvText.WriteInt64(writer, v);
        }
    }

    public override Task WriteParquetAsync(ParquetRowGroupWriter rowGroup, DataField field, int count, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync(field, new ReadOnlyMemory<long?>(Values, 0, count), null, null, cancellationToken);
}
