namespace Microstructure.Analysis.Tables;

/// <summary>A destination file for batches of rows.</summary>
internal interface ITableSink : IAsyncDisposable
{
    /// <summary>Path of the file written.</summary>
    string Path { get; }

    /// <summary>Writes the rows of <paramref name="batch"/> (the caller clears it afterwards).</summary>
    ValueTask WriteAsync(RowBatch batch, CancellationToken cancellationToken);
}
