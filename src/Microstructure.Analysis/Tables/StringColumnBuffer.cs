using Parquet;
using Parquet.Schema;

namespace Microstructure.Analysis.Tables;

internal sealed class StringColumnBuffer(TableColumn column, int capacity) : ColumnBuffer(column)
{
    public string?[] Values { get; } = new string?[capacity];

    public override void WriteCsv(int row, TextWriter writer) => CsvText.WriteString(writer, Values[row]);

    public override Task WriteParquetAsync(ParquetRowGroupWriter rowGroup, DataField field, int count, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync(field, new ArraySegment<string?>(Values, 0, count)!, null);

    public override void Clear(int count) => Array.Clear(Values, 0, count);
}
