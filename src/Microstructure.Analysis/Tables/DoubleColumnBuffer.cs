using Parquet;
using Parquet.Schema;

namespace Microstructure.Analysis.Tables;

internal sealed class DoubleColumnBuffer(TableColumn column, int capacity) : ColumnBuffer(column)
{
    public double[] Values { get; } = new double[capacity];

    public override void WriteCsv(int row, TextWriter writer) => CsvText.WriteDouble(writer, Values[row]);

    public override Task WriteParquetAsync(ParquetRowGroupWriter rowGroup, DataField field, int count, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync(field, new ReadOnlyMemory<double>(Values, 0, count), null, null, cancellationToken);
}
