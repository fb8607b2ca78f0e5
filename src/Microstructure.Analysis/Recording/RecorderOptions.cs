using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Plots;
using Microstructure.Analysis.StylizedFacts;
using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Recording;

/// <summary>How a <see cref="RunRecorder"/> samples and analyses a run; every default is documented in docs/outputs.md.</summary>
public sealed record RecorderOptions
{
    /// <summary>The defaults.</summary>
    public static RecorderOptions Default { get; } = new();

    /// <summary>Account snapshots are written every this many ns of simulated time (default 10 s).</summary>
    public long AccountSnapshotIntervalNs { get; init; } = 10_000_000_000;

    /// <summary>Permanent impact is measured this long after an order (default 10 s).</summary>
    public long PermanentImpactHorizonNs { get; init; } = 10_000_000_000;

    /// <summary>The window of V (volume per window) and σ (volatility per window) of the impact law (default 60 s).</summary>
    public long ImpactWindowNs { get; init; } = 60_000_000_000;

    /// <summary>Sampling step of the mid for the return series of the stylized facts (default 1 s).</summary>
    public long ReturnIntervalNs { get; init; } = 1_000_000_000;

    /// <summary>Depth counts the visible lots within ± this fraction of the mid (default 0.01 = 1%).</summary>
    public double DepthBandFraction { get; init; } = 0.01;

    /// <summary>Recovery tolerances of the cascade metrics (the shock notionals come from the run info).</summary>
    public CascadeOptions Cascades { get; init; } = CascadeOptions.Default;

    /// <summary>Estimator settings of the stylized facts (the maximum lag shrinks on short runs).</summary>
    public StylizedFactsOptions StylizedFacts { get; init; } = StylizedFactsOptions.Default;

    /// <summary>Time buckets of the depth heatmap (default 400).</summary>
    public int DepthHeatmapBuckets { get; init; } = 400;

    /// <summary>Which table files to write (default CSV and Parquet).</summary>
    public TableFormats Formats { get; init; } = TableFormats.CsvAndParquet;

    /// <summary>Rows per batch and Parquet row group (default 65,536): bounds the memory of every tape.</summary>
    public int RowGroupSize { get; init; } = 65_536;

    /// <summary>Write the PNG plots (default true).</summary>
    public bool WritePlots { get; init; } = true;

    /// <summary>Size of every PNG (default 1200 × 700).</summary>
    public ChartSize PlotSize { get; init; } = ChartSize.Default;

    /// <summary>Rows of the cascade and liquidation tables in report.md (the full tables are in analysis/).</summary>
    public int ReportTableRows { get; init; } = 20;

    internal void Validate()
    {
        Positive(AccountSnapshotIntervalNs, nameof(AccountSnapshotIntervalNs));
        Positive(PermanentImpactHorizonNs, nameof(PermanentImpactHorizonNs));
        Positive(ImpactWindowNs, nameof(ImpactWindowNs));
        Positive(ReturnIntervalNs, nameof(ReturnIntervalNs));
        Positive(DepthHeatmapBuckets, nameof(DepthHeatmapBuckets));
        Positive(RowGroupSize, nameof(RowGroupSize));
        Positive(ReportTableRows, nameof(ReportTableRows));
        if (!(DepthBandFraction > 0 && DepthBandFraction < 1))
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(DepthBandFraction), $"Recorder option '{nameof(DepthBandFraction)}' must lie in (0, 1); got {DepthBandFraction}.");
        }

        if (Formats == TableFormats.None)
        {
            ThrowHelper.ThrowArgument(nameof(Formats), $"Recorder option '{nameof(Formats)}' must choose CSV, Parquet or both.");
        }

        ArgumentNullException.ThrowIfNull(Cascades);
        ArgumentNullException.ThrowIfNull(StylizedFacts);
    }

    private static void Positive(long value, string name)
    {
        if (value <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(name, $"Recorder option '{name}' must be positive; got {value}.");
        }
    }
}
