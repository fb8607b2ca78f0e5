using System.Text.Json;
using Microstructure.Cli.Tests.TestSupport;

namespace Microstructure.Cli.Tests.Commands.Simulate;

public sealed class SimulateCommandTests
{
    [Fact]
    public void Simulate_writes_the_run_directory_prints_the_summary_table_and_says_where_the_report_is()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);
        string outDir = cli.Path_("run");

        var (code, output, error) = CliRun.Run("simulate", scenario, "--out", outDir);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("small · insurance-fund · seed 3", output, StringComparison.Ordinal);
        Assert.Contains("liquidations", output, StringComparison.Ordinal);
        Assert.Contains($"report:        {Path.Combine(Path.GetFullPath(outDir), "report.md")}", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "report.md")));
        Assert.True(File.Exists(Path.Combine(outDir, "plots", "price.png")));
        Assert.Contains($"interactive:   {Path.Combine(Path.GetFullPath(outDir), "report.html")}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_writes_report_html_with_its_charts_the_tables_and_no_network_use_the_same_bytes_for_the_same_seed()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var first = CliRun.Run("simulate", scenario, "--out", cli.Path_("a"));
        var second = CliRun.Run("simulate", scenario, "--out", cli.Path_("b"));

        Assert.Equal(0, first.Code);
        Assert.Equal(0, second.Code);
        byte[] html = File.ReadAllBytes(cli.Path_("a", "report.html"));
        Assert.Equal(html, File.ReadAllBytes(cli.Path_("b", "report.html")));
        string text = System.Text.Encoding.UTF8.GetString(html);
        // Price, depth and impact; nobody is liquidated in this small run, so the cascade tree is left out and the report says so.
        for (int chart = 1; chart <= 3; chart++)
        {
            Assert.Contains($"<div id=\"chart-{chart}\" class=\"chart\"></div>", text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("chart-4", text, StringComparison.Ordinal);
        Assert.Contains("<li>No account was liquidated: no cascade tree.</li>", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script[^>]*\\ssrc\\s*=", text);
        Assert.Contains("<h2>Key figures</h2>", text, StringComparison.Ordinal);
        Assert.Contains("<th>metric</th>", text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"report.html\">report.html</a>", text, StringComparison.Ordinal);
        Assert.Contains("report.html", File.ReadAllText(cli.Path_("a", "summary.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_prints_summary_json_with_the_chosen_seed_design_and_duration()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, output, _) = CliRun.Run("simulate", scenario, "--out", cli.Path_("run"), "--json", "--seed", "9", "--design", "full-close", "--duration", "15");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var run = json.RootElement.GetProperty("run");
        Assert.Equal(9, run.GetProperty("seed").GetInt64());
        Assert.Equal("full-close", run.GetProperty("design").GetString());
        Assert.Equal(15_000_000_000, run.GetProperty("end_ns").GetInt64());
        Assert.Equal(File.ReadAllText(Path.Combine(cli.Path_("run"), "summary.json")).Trim(), output.Trim());
    }

    [Fact]
    public void A_bad_scenario_field_is_a_one_line_error_naming_the_file_line_and_field_path_with_exit_2()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario.Replace("\"count\": 60", "\"count\": -1", StringComparison.Ordinal));

        var (code, output, error) = CliRun.Run("simulate", scenario, "--out", cli.Path_("run"));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith($"error: {scenario}:", error, StringComparison.Ordinal);
        Assert.Contains("agents[0].count", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cli.Path_("run")));
    }

    [Fact]
    public void A_mistyped_command_is_named()
    {
        var (code, _, error) = CliRun.Run("simulat", "x.json");

        Assert.Equal(2, code);
        Assert.Equal("error: Unrecognized command or argument 'simulat'. (run with --help for usage)", error.Trim());
    }

    [Fact]
    public void A_missing_scenario_file_is_named_with_exit_2()
    {
        var (code, _, error) = CliRun.Run("simulate", "no-such-scenario.json");

        Assert.Equal(2, code);
        Assert.StartsWith("error: no-such-scenario.json: cannot read the file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_given_as_the_scenario_is_named_as_such()
    {
        using var cli = new CliRun();

        var (code, _, error) = CliRun.Run("simulate", cli.Folder);

        Assert.Equal(2, code);
        Assert.Equal($"error: {cli.Folder}: is a directory; name a scenario file in it, e.g. data/scenarios/leveraged-cascade.json", error.Trim());
    }

    [Fact]
    public void An_output_directory_that_is_not_empty_is_refused_and_kept()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, _, error) = CliRun.Run("simulate", scenario, "--out", cli.Folder);

        Assert.Equal(2, code);
        Assert.Contains("already exists and is not empty", error, StringComparison.Ordinal);
        Assert.Equal([scenario], Directory.GetFileSystemEntries(cli.Folder));
    }

    [Theory]
    [InlineData("--seed", "abc", "--seed must be a whole number; got 'abc'")]
    [InlineData("--duration", "ten", "--duration must be a number; got 'ten'")]
    [InlineData("--duration", "0", "--duration must be between 0.001 and 31,536,000 seconds; got 0")]
    [InlineData("--duration", "0.0000000001", "--duration must be between 0.001 and 31,536,000 seconds; got 1E-10")]
    [InlineData("--duration", "1e300", "--duration must be between 0.001 and 31,536,000 seconds; got 1E+300")]
    [InlineData("--design", "nope", "--design: unknown liquidation design 'nope'")]
    public void Impossible_options_are_user_errors(string option, string value, string message)
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, _, error) = CliRun.Run("simulate", scenario, "--out", cli.Path_("run"), option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_exchange_max_orders_is_a_ceiling_not_a_reservation()
    {
        // Issue 12 §3: the documented maximum used to take 11.6 GB and 51 s before the first event.
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario.Replace("\"exchange\": {", "\"exchange\": { \"maxOrders\": 268435456,", StringComparison.Ordinal));

        long before = GC.GetTotalAllocatedBytes();
        var (code, _, error) = CliRun.Run("simulate", scenario, "--out", cli.Path_("run"), "--duration", "2");
        long allocated = GC.GetTotalAllocatedBytes() - before;

        Assert.Equal((0, string.Empty), (code, error));
        Assert.True(allocated < 2_000_000_000, $"{allocated:N0} bytes allocated");
    }

    [Theory]
    [InlineData("268435457")]
    [InlineData("2147483647")]
    public void An_exchange_max_orders_beyond_the_documented_maximum_is_refused_naming_the_field(string value)
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario.Replace("\"exchange\": {", $"\"exchange\": {{ \"maxOrders\": {value},", StringComparison.Ordinal));

        var (code, _, error) = CliRun.Run("simulate", scenario, "--out", cli.Path_("run"));

        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("exchange.maxOrders", error, StringComparison.Ordinal);
        Assert.Contains("must be in [1, 268435456]", error, StringComparison.Ordinal);
    }
}
