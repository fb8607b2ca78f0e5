using FsCheck;
using FsCheck.Xunit;
using Microstructure.Cli.Commands;
using Microstructure.Cli.Tests.TestSupport;

namespace Microstructure.Cli.Tests.Commands.Budget;

/// <summary>Issue 12 §7: runaway work is refused before it starts, with its estimate, unless forced.</summary>
public sealed class RunBudgetCommandTests
{
    [Fact]
    public void A_year_long_simulation_is_refused_before_anything_is_written_with_its_estimate()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);
        string outDir = cli.Path_("run");

        var (code, _, error) = CliRun.Run("simulate", scenario, "--out", outDir, "--duration", "31536000");

        Assert.Equal(2, code);
        Assert.StartsWith("error: this run would need ", error, StringComparison.Ordinal);
        Assert.Contains(" of memory, more than the ", error, StringComparison.Ordinal);
        Assert.Contains("(estimate: about ", error, StringComparison.Ordinal);
        Assert.Contains("shorten --duration, or pass --force to run anyway", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void A_run_over_the_disk_budget_is_refused_naming_max_disk()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, _, error) = CliRun.Run("simulate", scenario, "--out", cli.Path_("run"), "--duration", "86400", "--max-disk", "50M");

        Assert.Equal(2, code);
        Assert.StartsWith("error: this run would write ", error, StringComparison.Ordinal);
        Assert.Contains("more than --max-disk 50 MB (estimate: about ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cli.Path_("run")));
    }

    [Fact]
    public void A_comparison_is_estimated_over_all_its_runs()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, _, error) = CliRun.Run("compare", scenario, "--designs", "full-close,tiered-partial", "--out", cli.Path_("cmp"), "--max-disk", "1M");

        Assert.Equal(2, code);
        Assert.Contains("these runs would write ", error, StringComparison.Ordinal);
        Assert.Contains(" in 20 runs, ", error, StringComparison.Ordinal); // 2 designs × the default 10 seeds
        Assert.False(Directory.Exists(cli.Path_("cmp")));
    }

    [Fact]
    public void Force_runs_past_the_budget_and_says_so()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, _, error) = CliRun.Run("simulate", scenario, "--out", cli.Path_("run"), "--duration", "5", "--max-disk", "1k", "--force");

        Assert.Equal(0, code);
        Assert.StartsWith("warning (--force): this run would write ", error, StringComparison.Ordinal);
        Assert.True(File.Exists(cli.Path_("run", "summary.json")));
    }

    [Theory]
    [InlineData("1x")]
    [InlineData("-5G")]
    [InlineData("G")]
    [InlineData("1e999")]
    public void A_disk_budget_that_is_not_a_size_is_a_user_error(string value)
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, _, error) = CliRun.Run("simulate", scenario, "--out", cli.Path_("run"), "--max-disk", value);

        Assert.Equal(2, code);
        Assert.Contains($"--max-disk must be a size such as 500MB, 20G or 1.5TiB; got '{value}'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("500MB", 500e6)]
    [InlineData("20G", 20e9)]
    [InlineData("1.5TiB", 1.5 * 1024 * 1024 * 1024 * 1024)]
    [InlineData("4096", 4096)]
    [InlineData("2kb", 2000)]
    [InlineData("3 Mi", 3 * 1024 * 1024)]
    public void Sizes_parse_in_decimal_and_binary_units(string text, double bytes) =>
        Assert.Equal(bytes, NumberParsers.ParseBytes(text));

    [Property]
    public bool Any_whole_number_of_any_unit_parses_back_to_its_bytes(NonNegativeInt n, byte unitIndex)
    {
        (string Unit, double Factor)[] units = [("k", 1e3), ("MB", 1e6), ("G", 1e9), ("TB", 1e12), ("GiB", 1024.0 * 1024 * 1024), ("", 1.0)];
        var (unit, factor) = units[unitIndex % units.Length];
        return NumberParsers.ParseBytes($"{n.Get}{unit}") == n.Get * factor;
    }
}
