using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Tests.Tables;

/// <summary>A row with one column of every type, to exercise both file formats.</summary>
internal readonly record struct SampleRow(long Id, long? Optional, double Value, bool Flag, string? Text);

internal readonly struct SampleRowMapper : ITableRowMapper<SampleRow>
{
    public static TableSchema Schema { get; } = new(
        new("id", ColumnType.Int64, "row id"),
        new("optional", ColumnType.NullableInt64, "sometimes null"),
        new("value", ColumnType.Double, "a double"),
        new("flag", ColumnType.Boolean, "a boolean"),
        new("text", ColumnType.String, "text with awkward characters"));

    public static void Write(in SampleRow row, ref RowWriter writer)
    {
        writer.Int64(row.Id);
        writer.NullableInt64(row.Optional);
        writer.Double(row.Value);
        writer.Boolean(row.Flag);
        writer.String(row.Text);
    }

    public static SampleRow[] Generate(int count, int seed)
    {
        string?[] texts = [null, "", "plain", "a,b", "say \"hi\"", "two\r\nlines", "lf\nonly", "ünïcødé ✓", " padded "];
        double[] specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.1, -1e-300, 1e300, 123456789.125];
        var rng = new Random(seed);
        var rows = new SampleRow[count];
        for (int i = 0; i < count; i++)
        {
            double value = rng.Next(4) == 0 ? specials[rng.Next(specials.Length)] : (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-8, 9));
            long? optional = rng.Next(3) == 0 ? null : rng.NextInt64(long.MinValue, long.MaxValue);
            rows[i] = new SampleRow(i, optional, value, rng.Next(2) == 0, texts[rng.Next(texts.Length)]);
        }

        return rows;
    }
}
