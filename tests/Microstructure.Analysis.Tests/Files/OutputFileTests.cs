using Microstructure.Analysis.Files;
using Microstructure.Analysis.Reports;
using Microstructure.Analysis.Tables;
using Microstructure.Analysis.Tests.Tables;

namespace Microstructure.Analysis.Tests.Files;

/// <summary>
/// Issue 12 §5: an output file is written under a temporary name and renamed into place, and never written over an
/// existing file or through a symbolic link — checked when it is created and again when it is renamed.
/// </summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ms-output-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_file_is_under_its_temporary_name_until_committed_then_only_under_its_final_name()
    {
        string path = Path.Combine(_dir, "summary.json");

        using (OutputFile file = OutputFile.Create(path))
        {
            file.Stream.Write("{}"u8);
            file.Stream.Flush();
            Assert.False(File.Exists(path));
            Assert.True(File.Exists(path + OutputFile.PartialSuffix));
            file.Commit();
        }

        Assert.Equal("{}", File.ReadAllText(path));
        Assert.False(File.Exists(path + OutputFile.PartialSuffix));
    }

    [Fact]
    public void A_write_that_fails_leaves_nothing_under_the_final_name_and_removes_the_temporary_file()
    {
        string path = Path.Combine(_dir, "report.md");

        Assert.Throws<InvalidOperationException>(() => OutputFile.Write(path, s =>
        {
            s.Write("half"u8);
            throw new InvalidOperationException("fault while writing");
        }));

        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public void An_existing_file_is_refused_and_kept()
    {
        string path = Path.Combine(_dir, "summary.json");
        File.WriteAllText(path, "earlier run");

        var ex = Assert.Throws<IOException>(() => new JsonSummary().Add("a", 1L).Save(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Equal("earlier run", File.ReadAllText(path));
        Assert.Single(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_symbolic_link_at_the_final_path_is_refused_and_its_target_untouched(bool targetExists)
    {
        string target = Path.Combine(_dir, "elsewhere.txt");
        if (targetExists)
        {
            File.WriteAllText(target, "someone else's file");
        }

        string path = Path.Combine(_dir, "tape.csv");
        File.CreateSymbolicLink(path, target);

        Assert.Throws<IOException>(() => OutputFile.Write(path, "overwritten"u8));

        Assert.Equal(targetExists, File.Exists(target));
        if (targetExists)
        {
            Assert.Equal("someone else's file", File.ReadAllText(target));
        }

        Assert.False(File.Exists(path + OutputFile.PartialSuffix));
    }

    [Fact]
    public void A_link_planted_at_the_final_path_while_the_file_is_written_is_not_replaced_or_followed()
    {
        string target = Path.Combine(_dir, "elsewhere.txt");
        File.WriteAllText(target, "someone else's file");
        string path = Path.Combine(_dir, "tape.csv");

        using OutputFile file = OutputFile.Create(path);
        file.Stream.Write("rows"u8);
        File.CreateSymbolicLink(path, target);

        Assert.Throws<IOException>(file.Commit);
        Assert.Equal("someone else's file", File.ReadAllText(target));
        Assert.Equal(target, new FileInfo(path).LinkTarget);
        Assert.False(File.Exists(path + OutputFile.PartialSuffix));
    }

    [Fact]
    public async Task A_table_is_not_written_over_an_earlier_table()
    {
        await using (await TableWriter<SampleRow, SampleRowMapper>.CreateAsync(_dir, "trades", TableFormats.Csv))
        {
        }

        await Assert.ThrowsAsync<IOException>(async () => await TableWriter<SampleRow, SampleRowMapper>.CreateAsync(_dir, "trades", TableFormats.Csv));
        await Assert.ThrowsAsync<IOException>(async () => await TableWriter<SampleRow, SampleRowMapper>.CreateAsync(_dir, "trades"));

        Assert.Equal(["trades.csv"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName));
    }
}
