using Parquet;
using Parquet.Schema;

namespace Microstructure.Analysis.Tables;

/// <summary>Writes each batch as one Parquet row group (Parquet.Net low-level writer, Snappy compression).</summary>
internal sealed class ParquetTableSink : ITableSink
{
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;

    private ParquetTableSink(string path, FileStream stream, ParquetWriter writer, DataField[] fields)
    {
        Path = path;
        _stream = stream;
        _writer = writer;
        _fields = fields;
    }

    public string Path { get; }

    public static async Task<ParquetTableSink> CreateAsync(string path, TableSchema schema, CancellationToken cancellationToken)
    {
        // Parquet.Net checks that columns are written with the very field instances of the writer's schema.
        var fields = new DataField[schema.Count];
        for (int i = 0; i < schema.Count; i++)
        {
            fields[i] = ColumnBuffer.ParquetFieldFor(schema[i]);
        }

        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, bufferSize: 1 << 16, useAsync: false);
        try
        {
            var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
            ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, options, false, cancellationToken)
                .ConfigureAwait(false);
            return new ParquetTableSink(path, stream, writer, fields);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask WriteAsync(RowBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        using ParquetRowGroupWriter rowGroup = _writer.CreateRowGroup();
        for (int i = 0; i < batch.Schema.Count; i++)
        {
            await batch.Column(i).WriteParquetAsync(rowGroup, _fields[i], batch.Count, cancellationToken).ConfigureAwait(false);
        }

        rowGroup.CompleteValidate();
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
