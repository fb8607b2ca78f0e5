using System.Globalization;
using Microstructure.Analysis.Tables;
using Parquet;
using Parquet.Schema;

namespace Microstructure.Analysis.Tests.Tables;

public sealed class TableWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ms-tables-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task Parquet_read_back_equals_the_csv_and_the_rows_written_across_several_row_groups()
    {
        SampleRow[] rows = SampleRowMapper.Generate(1_000, seed: 3);

        await using (var writer = await TableWriter<SampleRow, SampleRowMapper>.CreateAsync(_dir, "sample", rowGroupSize: 128))
        {
            foreach (SampleRow r in rows)
            {
                await writer.AppendAsync(r);
            }

            Assert.Equal(1_000, writer.RowCount);
        }

        List<SampleRow> fromParquet = await ReadParquetAsync(Path.Combine(_dir, "sample.parquet"), expectedRowGroups: 8);
        List<SampleRow> fromCsv = ReadCsv(Path.Combine(_dir, "sample.csv"));

        Assert.Equal(rows.Length, fromParquet.Count);
        Assert.Equal(rows.Length, fromCsv.Count);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i], fromParquet[i]);
            Assert.Equal(fromParquet[i], fromCsv[i]);
        }
    }

    [Fact]
    public async Task Synchronous_append_flushes_full_batches_and_dispose_writes_the_rest()
    {
        SampleRow[] rows = SampleRowMapper.Generate(10, seed: 4);
        var writer = await TableWriter<SampleRow, SampleRowMapper>.CreateAsync(_dir, "sync", TableFormats.Csv, rowGroupSize: 4);
        foreach (SampleRow r in rows)
        {
            writer.Append(r);
        }

        // Two full batches (8 rows) are already in the file before dispose — under its temporary name, which
        // dispose renames (a run killed meanwhile leaves no half-written file under the final name).
        Assert.Equal(1 + 8, CountRecords(Path.Combine(_dir, "sync.csv.partial")));
        Assert.False(File.Exists(Path.Combine(_dir, "sync.csv")));
        await writer.DisposeAsync();

        Assert.False(File.Exists(Path.Combine(_dir, "sync.csv.partial")));

        Assert.Equal(1 + 10, CountRecords(Path.Combine(_dir, "sync.csv")));
        Assert.False(File.Exists(Path.Combine(_dir, "sync.parquet")));
        Assert.Throws<ObjectDisposedException>(() => writer.Append(rows[0]));
    }

    [Fact]
    public async Task Csv_has_a_header_row_and_CRLF_line_ends_and_no_BOM()
    {
        await using (var writer = await TableWriter<SampleRow, SampleRowMapper>.CreateAsync(_dir, "header", TableFormats.Csv))
        {
            await writer.AppendAsync(new SampleRow(1, null, 0.5, true, "x"));
        }

        byte[] bytes = await File.ReadAllBytesAsync(Path.Combine(_dir, "header.csv"));
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal("id,optional,value,flag,text\r\n1,,0.5,true,x\r\n", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task An_empty_table_still_has_a_header_and_a_readable_parquet_schema()
    {
        await using (await TableWriter<SampleRow, SampleRowMapper>.CreateAsync(_dir, "empty"))
        {
        }

        Assert.Equal(1, CountRecords(Path.Combine(_dir, "empty.csv")));
        await using ParquetReader reader = await ParquetReader.CreateAsync(Path.Combine(_dir, "empty.parquet"));
        Assert.Equal(["id", "optional", "value", "flag", "text"], reader.Schema.DataFields.Select(f => f.Name));
    }

    [Fact]
    public async Task Bad_table_names_and_no_format_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await TableWriter<SampleRow, SampleRowMapper>.CreateAsync(_dir, "a/b"));
        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await TableWriter<SampleRow, SampleRowMapper>.CreateAsync(_dir, "x", TableFormats.None));
    }

    private static int CountRecords(string path) => CsvReader.Parse(File.ReadAllText(path)).Count;

    private static List<SampleRow> ReadCsv(string path)
    {
        List<string?[]> records = CsvReader.Parse(File.ReadAllText(path));
        Assert.Equal("id,optional,value,flag,text", string.Join(",", records[0]));
        return records.Skip(1).Select(f => new SampleRow(
            long.Parse(f[0]!, CultureInfo.InvariantCulture),
            f[1] is null ? null : long.Parse(f[1]!, CultureInfo.InvariantCulture),
            double.Parse(f[2]!, CultureInfo.InvariantCulture),
            bool.Parse(f[3]!),
            f[4])).ToList();
    }

    private static async Task<List<SampleRow>> ReadParquetAsync(string path, int expectedRowGroups)
    {
        await using ParquetReader reader = await ParquetReader.CreateAsync(path);
        Assert.Equal(expectedRowGroups, reader.RowGroupCount);
        DataField[] f = reader.Schema.DataFields;
        var rows = new List<SampleRow>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int n = (int)group.RowCount;
            var ids = new long[n];
            var optional = new long?[n];
            var values = new double[n];
            var flags = new bool[n];
            var texts = new string[n];
            await group.ReadAsync<long>(f[0], ids);
            await group.ReadAsync<long>(f[1], optional);
            await group.ReadAsync<double>(f[2], values);
            await group.ReadAsync<bool>(f[3], flags);
            await group.ReadAsync(f[4], texts);
            for (int i = 0; i < n; i++)
            {
                rows.Add(new SampleRow(ids[i], optional[i], values[i], flags[i], texts[i]));
            }
        }

        return rows;
    }
}
