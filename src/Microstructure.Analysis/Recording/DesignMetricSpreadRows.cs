using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Recording;

/// <summary>The <c>comparison</c> table: one row per design and metric.</summary>
internal readonly struct DesignMetricSpreadRows : ITableRowMapper<DesignMetricSpread>
{
    public static TableSchema Schema { get; } = new(
        new("design", ColumnType.String, "liquidation design"),
        new("metric", ColumnType.String, "metric key"),
        new("unit", ColumnType.String, "unit of the values"),
        new("runs", ColumnType.Int64, "seeds run"),
        new("values", ColumnType.Int64, "seeds with a value (e.g. a recovery that happened)"),
        new("mean", ColumnType.Double, "mean over the values"),
        new("std", ColumnType.Double, "sample standard deviation (n - 1); NaN below two values"),
        new("min", ColumnType.Double, "smallest value"),
        new("max", ColumnType.Double, "largest value"));

    public static void Write(in DesignMetricSpread row, ref RowWriter writer)
    {
        writer.String(row.Design);
        writer.String(row.Metric);
        writer.String(row.Unit);
        writer.Int64(row.Spread.Runs);
        writer.Int64(row.Spread.Values);
        writer.Double(row.Spread.Mean);
        writer.Double(row.Spread.StdDev);
        writer.Double(row.Spread.Min);
        writer.Double(row.Spread.Max);
    }
}
