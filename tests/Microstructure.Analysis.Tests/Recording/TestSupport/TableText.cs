using System.Globalization;
using Microstructure.Analysis.Tests.Tables;
using Parquet;
using Parquet.Schema;

namespace Microstructure.Analysis.Tests.Recording.TestSupport;

/// <summary>Reads CSV and Parquet tables back as text cells (header first), so the two formats can be compared cell by cell.</summary>
internal static class TableText
{
    public static List<string?[]> Csv(string path) => CsvReader.Parse(File.ReadAllText(path));

    /// <summary>The CSV rows as dictionaries keyed by column name (header dropped).</summary>
    public static List<Dictionary<string, string?>> CsvRecords(string path)
    {
        List<string?[]> rows = Csv(path);
        string?[] header = rows[0];
        return rows.Skip(1).Select(r => header.Select((h, i) => (h!, r[i])).ToDictionary(p => p.Item1, p => p.Item2)).ToList();
    }

    /// <summary>The Parquet file as text cells, formatted the way the CSV writer formats each type.</summary>
    public static async Task<List<string?[]>> ParquetAsync(string path)
    {
        await using ParquetReader reader = await ParquetReader.CreateAsync(path);
        DataField[] fields = reader.Schema.DataFields;
        var rows = new List<string?[]> { fields.Select(f => (string?)f.Name).ToArray() };
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int n = (int)group.RowCount;
            var columns = new string?[fields.Length][];
            for (int c = 0; c < fields.Length; c++)
            {
                columns[c] = await ReadColumnAsync(group, fields[c], n);
            }

            for (int i = 0; i < n; i++)
            {
                rows.Add(columns.Select(col => col[i]).ToArray());
            }
        }

        return rows;
    }

    private static async Task<string?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int n)
    {
        if (field.ClrType == typeof(long) && !field.IsNullable)
        {
            var v = new long[n];
            await group.ReadAsync<long>(field, v);
            return v.Select(x => (string?)x.ToString(CultureInfo.InvariantCulture)).ToArray();
        }

        if (field.ClrType == typeof(long))
        {
            var v = new long?[n];
            await group.ReadAsync<long>(field, v);
            return v.Select(x => x?.ToString(CultureInfo.InvariantCulture)).ToArray();
        }

        if (field.ClrType == typeof(double))
        {
            var v = new double[n];
            await group.ReadAsync<double>(field, v);
            return v.Select(x => (string?)x.ToString("R", CultureInfo.InvariantCulture)).ToArray();
        }

        if (field.ClrType == typeof(bool))
        {
            var v = new bool[n];
            await group.ReadAsync<bool>(field, v);
            return v.Select(x => (string?)(x ? "true" : "false")).ToArray();
        }

        var s = new string[n];
        await group.ReadAsync(field, s);
        return s;
    }
}
