namespace Microstructure.Analysis.Tables;

/// <summary>
/// Streams typed rows to <c>name.csv</c> and/or <c>name.parquet</c> in a directory, one batch (= one Parquet row
/// group) at a time, so that a long run never holds more than <see cref="RowGroupSize"/> rows in memory.
/// Dispose with <c>await using</c>: that writes the last partial batch and the Parquet footer.
/// </summary>
/// <typeparam name="TRow">The row record.</typeparam>
/// <typeparam name="TMapper">A struct mapping rows to columns.</typeparam>
public sealed class TableWriter<TRow, TMapper> : IAsyncDisposable
    where TMapper : struct, ITableRowMapper<TRow>
{
    /// <summary>Default rows per batch / Parquet row group.</summary>
    public const int DefaultRowGroupSize = 65_536;

    private readonly ITableSink[] _sinks;
    private readonly RowBatch _batch;
    private bool _disposed;

    private TableWriter(ITableSink[] sinks, int rowGroupSize)
    {
        _sinks = sinks;
        _batch = new RowBatch(TMapper.Schema, rowGroupSize);
    }

    /// <summary>Rows per batch.</summary>
    public int RowGroupSize => _batch.Capacity;

    /// <summary>Rows appended so far (written or buffered).</summary>
    public long RowCount { get; private set; }

    /// <summary>The files being written.</summary>
    public IReadOnlyList<string> Paths => [.. _sinks.Select(s => s.Path)];

    /// <summary>
    /// Creates <c>directory/name.csv</c> and/or <c>directory/name.parquet</c>: new files, written under a temporary name
    /// (<c>.partial</c>) and given their final name when the writer is disposed — never over an existing file or
    /// through a symbolic link.
    /// </summary>
    /// <exception cref="ArgumentException">No format chosen, or the name is not a plain file name.</exception>
    /// <exception cref="IOException">A file of that name (or a link) exists, or the files cannot be created.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "An async factory: a constructor cannot await the files' creation.")]
    public static async ValueTask<TableWriter<TRow, TMapper>> CreateAsync(
        string directory,
        string name,
        TableFormats formats = TableFormats.CsvAndParquet,
        int rowGroupSize = DefaultRowGroupSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0 || name.Contains('/', StringComparison.Ordinal))
        {
            ThrowHelper.ThrowArgument(nameof(name), $"Table name '{name}' is not a plain file name.");
        }

        if (formats == TableFormats.None)
        {
            ThrowHelper.ThrowArgument(nameof(formats), "Choose at least one format.");
        }

        Directory.CreateDirectory(directory);
        var sinks = new List<ITableSink>(2);
        try
        {
            if (formats.HasFlag(TableFormats.Csv))
            {
                sinks.Add(new CsvTableSink(System.IO.Path.Combine(directory, name + ".csv"), TMapper.Schema));
            }

            if (formats.HasFlag(TableFormats.Parquet))
            {
                string path = System.IO.Path.Combine(directory, name + ".parquet");
                sinks.Add(await ParquetTableSink.CreateAsync(path, TMapper.Schema, cancellationToken).ConfigureAwait(false));
            }
        }
        catch
        {
            foreach (ITableSink s in sinks)
            {
                await s.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new TableWriter<TRow, TMapper>([.. sinks], rowGroupSize);
    }

    /// <summary>
    /// Buffers a row; when the batch is full it is written, blocking this thread. Meant for consumer threads
    /// without a synchronization context (ring event handlers, recorder threads); async code uses
    /// <see cref="AppendAsync"/>.
    /// </summary>
    public void Append(in TRow row)
    {
        Buffer(row);
        if (_batch.IsFull)
        {
            FlushAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Buffers a row and writes the batch when it is full; completes synchronously otherwise.</summary>
    public ValueTask AppendAsync(TRow row, CancellationToken cancellationToken = default)
    {
        Buffer(row);
        return _batch.IsFull ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Writes the buffered rows now (as a row group of their own in Parquet).</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_batch.Count == 0)
        {
            return;
        }

        foreach (ITableSink sink in _sinks)
        {
            await sink.WriteAsync(_batch, cancellationToken).ConfigureAwait(false);
        }

        _batch.Clear();
    }

    /// <summary>Writes what is buffered and closes the files (Parquet footer included).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            await FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _disposed = true;
            foreach (ITableSink sink in _sinks)
            {
                await sink.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private void Buffer(in TRow row)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        RowWriter writer = _batch.BeginRow();
        TMapper.Write(row, ref writer);
        writer.Complete();
        RowCount++;
    }
}
