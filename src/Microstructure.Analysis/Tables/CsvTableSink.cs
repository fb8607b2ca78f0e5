using System.Text;

namespace Microstructure.Analysis.Tables;

/// <summary>Writes rows as RFC 4180 CSV: a header row, then one CRLF-terminated line per row, UTF-8 without BOM.</summary>
internal sealed class CsvTableSink : ITableSink
{
    private readonly StreamWriter _writer;

    public CsvTableSink(string path, TableSchema schema)
    {
        Path = path;
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        for (int i = 0; i < schema.Count; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            CsvText.WriteString(_writer, schema[i].Name);
        }

        _writer.Write(CsvText.LineEnd);
    }

    public string Path { get; }

    public ValueTask WriteAsync(RowBatch batch, CancellationToken cancellationToken)
    {
        ReadOnlySpan<ColumnBuffer> columns = batch.Columns;
        for (int row = 0; row < batch.Count; row++)
        {
            for (int c = 0; c < columns.Length; c++)
            {
                if (c > 0)
                {
                    _writer.Write(',');
                }

                columns[c].WriteCsv(row, _writer);
            }

            _writer.Write(CsvText.LineEnd);
        }

        // Hand the block to the file so that a crash later loses at most the current batch.
        _writer.Flush();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
