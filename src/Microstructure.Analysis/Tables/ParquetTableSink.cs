using Microstructure.Analysis.Files;
using Parquet;
using Parquet.Schema;

namespace Microstructure.Analysis.Tables;

/// <summary>Writes each batch as one Parquet row group (Parquet.Net low-level writer, Snappy compression).</summary>
internal sealed class ParquetTableSink : ITableSink
{
    private readonly OutputFile _file;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;

    private ParquetTableSink(OutputFile file, ParquetWriter writer, DataField[] fields)
    {
        Path = file.Path;
        _file = file;
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

        // Written under a temporary name and renamed when the footer is on (OutputFile): never over or through an existing path.
        var file = OutputFile.Create(path);
        try
        {
            var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
            ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file.Stream, options, false, cancellationToken)
                .ConfigureAwait(false);
            return new ParquetTableSink(file, writer, fields);
        }
        catch
        {
            file.Dispose();
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
