using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Recording;

/// <summary>The <c>analysis/return_acf</c> table: autocorrelation of returns and of their magnitudes by lag.</summary>
internal readonly struct AcfRows : ITableRowMapper<AcfRow>
{
    public static TableSchema Schema { get; } = new(
        new("lag", ColumnType.Int64, "lag in return intervals"),
        new("return_acf", ColumnType.Double, "autocorrelation of r"),
        new("abs_return_acf", ColumnType.Double, "autocorrelation of |r|"),
        new("robust_band", ColumnType.Double, "heteroskedasticity-robust 95% band of return_acf"),
        new("noise_band", ColumnType.Double, "iid 95% band, 1.96 / sqrt(n)"));

    public static void Write(in AcfRow row, ref RowWriter writer)
    {
        writer.Int64(row.Lag);
        writer.Double(row.ReturnAcf);
        writer.Double(row.AbsoluteReturnAcf);
        writer.Double(row.RobustBand);
        writer.Double(row.NoiseBand);
    }
}
