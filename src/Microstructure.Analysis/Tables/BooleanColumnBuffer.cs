using Parquet;
using Parquet.Schema;

namespace Microstructure.Analysis.Tables;

internal sealed class BooleanColumnBuffer(TableColumn column, int capacity) : ColumnBuffer(column)
{
    public bool[] Values { get; } = new bool[capacity];

    public override void WriteCsv(int row, TextWriter writer) => writer.Write(Values[row] ? "true" : "false");

    public override Task WriteParquetAsync(ParquetRowGroupWriter rowGroup, DataField field, int count, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync(field, new ReadOnlyMemory<bool>(Values, 0, count), null, null, cancellationToken);
}
