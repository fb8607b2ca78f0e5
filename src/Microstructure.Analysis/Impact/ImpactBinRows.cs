using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Impact;

/// <summary>Table mapping of <see cref="ImpactBin"/> (the <c>impact_curve</c> table; schema in docs/analysis.md).</summary>
internal readonly struct ImpactBinRows : ITableRowMapper<ImpactBin>
{
    /// <inheritdoc />
    public static TableSchema Schema { get; } = new(
        new("lower", ColumnType.Double, "lower edge of the bin, Q/V"),
        new("upper", ColumnType.Double, "upper edge of the bin, Q/V"),
        new("mean_size", ColumnType.Double, "mean Q/V in the bin"),
        new("mean_impact", ColumnType.Double, "mean signed log impact in the bin"),
        new("std_error", ColumnType.Double, "standard error of mean_impact"),
        new("count", ColumnType.Int64, "orders in the bin"));

    /// <inheritdoc />
    public static void Write(in ImpactBin row, ref RowWriter writer)
    {
        writer.Double(row.Lower);
        writer.Double(row.Upper);
        writer.Double(row.MeanSize);
        writer.Double(row.MeanImpact);
        writer.Double(row.StandardError);
        writer.Int64(row.Count);
    }
}
