using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Recording;

/// <summary>The <c>runs</c> table: one row per (design, seed) with every metric's value, to re-aggregate at will.</summary>
internal readonly struct ComparisonRunRows : ITableRowMapper<ComparisonRunRow>
{
    public static TableSchema Schema { get; } = new(
    [
        new("design", ColumnType.String, "liquidation design"),
        new("seed", ColumnType.Int64, "seed"),
        new("scenario", ColumnType.String, "scenario name"),
        new("run_directory", ColumnType.String, "the run's directory, relative to the comparison directory"),
        .. ComparisonMetric.All.Select(m => new TableColumn(m.Key, ColumnType.Double, $"{m.Label}, {m.Unit} (NaN = none)")),
    ]);

    public static void Write(in ComparisonRunRow row, ref RowWriter writer)
    {
        writer.String(row.Run.Design);
        writer.Int64(row.Run.Seed);
        writer.String(row.Run.Scenario);
        writer.String(row.RelativeDirectory);
        foreach (ComparisonMetric m in ComparisonMetric.All)
        {
            writer.Double(m.Read(row.Run));
        }
    }
}
