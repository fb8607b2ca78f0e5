using Microstructure.Analysis.Tables;
using Microstructure.Risk.Warning;

namespace Microstructure.Prediction.Data;

/// <summary>One sample of the dataset: a run's risk-monitor snapshot, its features and its label.</summary>
/// <param name="Run">The run's key (its directory name).</param>
/// <param name="TimeNs">The snapshot's simulated time (ns).</param>
/// <param name="Label">A qualifying cascade starts within (t, t + H].</param>
/// <param name="CascadeStartNs">The start of the first such cascade; null when <paramref name="Label"/> is false.</param>
/// <param name="Features">The <see cref="CascadeFeatures.Count"/> features in <see cref="CascadeFeatures.Names"/> order.</param>
internal sealed record DatasetRow(string Run, long TimeNs, bool Label, long? CascadeStartNs, double[] Features);

/// <summary>The dataset table (dataset.parquet; docs/prediction.md).</summary>
internal readonly struct DatasetRowMapper : ITableRowMapper<DatasetRow>
{
    /// <summary>Columns before the features.</summary>
    public const int LeadingColumns = 4;

    public static TableSchema Schema { get; } = new(
        [
            new("run", ColumnType.String, "run key (its directory under runs/)"),
            new("t_ns", ColumnType.Int64, "simulated time of the risk-monitor snapshot, ns"),
            new("label", ColumnType.Boolean, "a cascade with at least the minimum notional starts within (t, t + horizon]"),
            new("cascade_start_ns", ColumnType.NullableInt64, "start of the first such cascade (its root's trigger time), ns; null when label is false"),
            .. CascadeFeatures.Names.Select(n => new TableColumn(n, ColumnType.Double, "feature (docs/prediction.md)")),
        ]);

    public static void Write(in DatasetRow row, ref RowWriter writer)
    {
        writer.String(row.Run);
        writer.Int64(row.TimeNs);
        writer.Boolean(row.Label);
        writer.NullableInt64(row.CascadeStartNs);
        foreach (double f in row.Features)
        {
            writer.Double(f);
        }
    }
}
