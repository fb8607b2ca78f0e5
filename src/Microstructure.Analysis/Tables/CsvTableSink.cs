using System.Text;
using Microstructure.Analysis.Files;

namespace Microstructure.Analysis.Tables;

/// <summary>Writes rows as RFC 4180 CSV: a header row, then one CRLF-terminated line per row, UTF-8 without BOM.</summary>
internal sealed class CsvTableSink : ITableSink
{
    private readonly OutputFile _file;
    private readonly StreamWriter _writer;

    /// <summary>Creates <paramref name="path"/> (under its temporary name until disposed; see <see cref="OutputFile"/>).</summary>
    /// <exception cref="IOException">The path exists (or is a link), or the file cannot be created.</exception>
    public CsvTableSink(string path, TableSchema schema)
    {
        _file = OutputFile.Create(path);
        Path = _file.Path;
        _writer = new StreamWriter(_file.Stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);
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

    /// <summary>Writes what is buffered, closes the file and gives it its final name.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            _file.Commit();
        }
        finally
        {
            _file.Dispose();
        }
    }
}
