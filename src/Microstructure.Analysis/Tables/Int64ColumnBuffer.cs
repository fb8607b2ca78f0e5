using Parquet;
using Parquet.Schema;

namespace Microstructure.Analysis.Tables;

internal sealed class Int64ColumnBuffer(TableColumn column, int capacity) : ColumnBuffer(column)
{
    public long[] Values { get; } = new long[capacity];

    public override void WriteCsv(int row, TextWriter writer) => CsvText.WriteInt64(writer, Values[row]);

    public override Task WriteParquetAsync(ParquetRowGroupWriter rowGroup, DataField field, int count, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync(field, new ReadOnlyMemory<long>(Values, 0, count), null, null, cancellationToken);
}
