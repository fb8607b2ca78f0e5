using Microstructure.Analysis.Plots;
using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Recording;

/// <summary>What a comparison directory holds.</summary>
public sealed record ComparisonOptions
{
    /// <summary>The defaults.</summary>
    public static ComparisonOptions Default { get; } = new();

    /// <summary>Table files to write (default CSV and Parquet).</summary>
    public TableFormats Formats { get; init; } = TableFormats.CsvAndParquet;

    /// <summary>Write one box plot per metric (default true).</summary>
    public bool WritePlots { get; init; } = true;

    /// <summary>Size of every PNG.</summary>
    public ChartSize PlotSize { get; init; } = ChartSize.Default;
}
