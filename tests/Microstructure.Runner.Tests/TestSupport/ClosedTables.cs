using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace Microstructure.Runner.Tests.TestSupport;

/// <summary>
/// Checks that the table files of a folder were closed properly, as a reader sees them: every CSV has its header and
/// ends with a whole row (CRLF), every line has the header's number of fields, and every Parquet file opens (footer),
/// decodes every column of every row group and holds as many rows as its CSV twin. Compiled into the runner's and the
/// command line's tests.
/// </summary>
internal static class ClosedTables
{
    /// <summary>Asserts the above for every table in <paramref name="folder"/>; returns the rows per table name.</summary>
    /// <param name="folder">A tape/ or analysis/ folder.</param>
    /// <returns>Rows per table (file name without extension).</returns>
    public static Dictionary<string, long> AssertReadable(string folder)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        string[] csvs = Directory.GetFiles(folder, "*.csv");
        Assert.NotEmpty(csvs);
        foreach (string csv in csvs)
        {
            rows[Path.GetFileNameWithoutExtension(csv)] = CsvRows(csv);
        }

        foreach (string parquet in Directory.GetFiles(folder, "*.parquet"))
        {
            string name = Path.GetFileNameWithoutExtension(parquet);
            long count = ParquetRows(parquet);
            if (rows.TryGetValue(name, out long csvRows))
            {
                Assert.True(count == csvRows, $"{parquet}: {count} rows, its CSV {csvRows}");
            }
            else
            {
                rows[name] = count;
            }
        }

        return rows;
    }

    /// <summary>Data rows of a CSV file that ends with a whole row; fails on a partial row or a missing header.</summary>
    public static long CsvRows(string path)
    {
        string text = File.ReadAllText(path);
        Assert.True(text.Length > 0, $"{path} is empty: not even its header was written");
        Assert.True(text.EndsWith("\r\n", StringComparison.Ordinal), $"{path} does not end with a whole row: …{text[Math.Max(0, text.Length - 80)..]}");
        string[] lines = text[..^2].Split("\r\n");
        int columns = Fields(lines[0]);
        for (int i = 1; i < lines.Length; i++)
        {
            Assert.True(Fields(lines[i]) == columns, $"{path} line {i + 1} has {Fields(lines[i])} fields, the header {columns}: {lines[i]}");
        }

        return lines.Length - 1;
    }

    /// <summary>Rows of a Parquet file, after decoding every column of every row group.</summary>
    public static long ParquetRows(string path)
    {
        Assert.True(new FileInfo(path).Length > 0, $"{path} is empty");
        return Task.Run(async () =>
        {
            await using ParquetReader reader = await ParquetReader.CreateAsync(path);
            long total = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                foreach (DataField field in reader.Schema.DataFields)
                {
                    using RawColumnData column = await group.ReadRawColumnDataBaseAsync(field);
                }

                total += group.RowCount;
            }

            return total;
        }).GetAwaiter().GetResult();
    }

    /// <summary>Fields of one RFC 4180 line (commas inside double quotes do not count).</summary>
    private static int Fields(string line)
    {
        int fields = 1;
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields++;
            }
        }

        Assert.False(quoted, $"unterminated quote in: {line}");
        return fields;
    }
}
