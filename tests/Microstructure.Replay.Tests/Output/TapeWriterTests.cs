using System.Globalization;
using Microstructure.Engine;
using Microstructure.Replay.Lobster;
using Microstructure.Replay.Output;
using Microstructure.Replay.Tests.TestSupport;
using Parquet;
using Parquet.Schema;

namespace Microstructure.Replay.Tests.Output;

public sealed class TapeWriterTests
{
    private static void ReplayInto(string directory)
    {
        using var tape = TapeWriter.CreateInRunDirectory(directory);
        LobsterReplay.Run(new LobsterReplayOptions
        {
            MessagesPath = TestData.LobsterMessages, BookPath = TestData.LobsterBook, Population = Populations.Aapl(), Injections = [Populations.AaplShock()],
        }, tape);
    }

    [Fact]
    public async Task The_parquet_tape_holds_exactly_the_rows_of_the_csv_tape()
    {
        using var dir = new TempDirectory();
        ReplayInto(dir.Path);

        var csv = File.ReadAllLines(Path.Combine(dir.Path, "tape.csv"));
        var parquet = await ReadParquetAsync(Path.Combine(dir.Path, "tape.parquet"));

        Assert.Equal(TapeWriter.Header, csv[0]);
        Assert.Equal(csv[1..], parquet);
        Assert.Contains(parquet, l => l.Contains(",liq-start,", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_run_writes_the_same_parquet_bytes()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();

        ReplayInto(a.Path);
        ReplayInto(b.Path);

        Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, "tape.parquet")), File.ReadAllBytes(Path.Combine(b.Path, "tape.parquet")));
    }

    [Fact]
    public async Task A_detail_with_commas_is_written_the_same_way_in_both_files()
    {
        using var dir = new TempDirectory();
        using (var tape = TapeWriter.CreateInRunDirectory(dir.Path))
        {
            tape.Write(new TapeRow { Sequence = 1, Event = TapeEvent.Injected, Side = Side.Sell, Quantity = 5, Detail = "market:a,b" });
            tape.Write(new TapeRow { Sequence = 2, Event = TapeEvent.Halt, Detail = new string('x', 100) });
        }

        var csv = File.ReadAllLines(Path.Combine(dir.Path, "tape.csv"));
        Assert.EndsWith(",market:a;b", csv[1], StringComparison.Ordinal);
        Assert.EndsWith("," + new string('x', 80), csv[2], StringComparison.Ordinal);
        Assert.Equal(csv[1..], await ReadParquetAsync(Path.Combine(dir.Path, "tape.parquet")));
    }

    /// <summary>Reads tape.parquet back (Parquet.Net, independent of the writer) as CSV lines.</summary>
    private static async Task<List<string>> ReadParquetAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        DataField[] f = reader.Schema.DataFields;
        Assert.Equal(TapeWriter.Header, string.Join(',', f.Select(x => x.Name)));
        var lines = new List<string>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var columns = new object[f.Length];
            for (var c = 0; c < f.Length; c++)
            {
                if (f[c].ClrType != typeof(long))
                {
                    var texts = new string?[n];
                    await group.ReadAsync(f[c], texts);
                    columns[c] = texts;
                }
                else
                {
                    var numbers = new long[n];
                    await group.ReadAsync<long>(f[c], numbers);
                    columns[c] = numbers;
                }
            }

            for (var i = 0; i < n; i++)
            {
                lines.Add(string.Join(',', columns.Select(c => c is long[] l ? l[i].ToString(CultureInfo.InvariantCulture) : ((string?[])c)[i] ?? string.Empty)));
            }
        }

        return lines;
    }
}
