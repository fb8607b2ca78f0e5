using System.Globalization;
using System.Text.RegularExpressions;

namespace Microstructure.Cli.Tests.Commands.Replay;

public sealed class ReplayCommandTests
{
    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    private static string Messages => Data("lobster", "AAPL_2012-06-21_34200000_57600000_message_10.csv");

    private static string Book => Data("lobster", "AAPL_2012-06-21_34200000_57600000_orderbook_10.csv");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Lobster_validate_on_the_sample_prints_998_checked_0_mismatched_and_exits_0()
    {
        var (code, output, error) = Run("replay", "lobster", "--messages", Messages, "--book", Book, "--validate");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("validation: 998 transitions checked, 0 mismatched", output, StringComparison.Ordinal);
        Assert.Contains("999 messages read, 999 applied, 0 skipped", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_option_is_a_one_line_user_error_with_exit_2()
    {
        var (code, output, error) = Run("replay", "lobster", "--book", Book);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("error: Option '--messages' is required. (run with --help for usage)", error.Trim());
    }

    [Fact]
    public void A_missing_file_is_named_without_a_stack_trace()
    {
        var (code, _, error) = Run("replay", "lobster", "--messages", "no-such-file.csv", "--book", Book);

        Assert.Equal(2, code);
        Assert.Equal("error: no-such-file.csv: file not found", error.Trim());
    }

    [Fact]
    public void Bad_input_reports_file_and_line_and_keeps_what_the_run_directory_already_has()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ms-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            var lines = File.ReadAllLines(Messages);
            lines[500] = "34230.0,1,123,abc,5850000,1";
            var messages = Path.Combine(dir, "AAPL_bad_message_10.csv");
            File.WriteAllLines(messages, lines);
            var run = Path.Combine(dir, "run");

            var (code, _, error) = Run("replay", "lobster", "--messages", messages, "--book", Book, "--out", run);

            Assert.Equal(2, code);
            Assert.Equal($"error: {messages}:501: column 'size': 'abc' is not an integer", error.Trim());
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.True(File.ReadAllLines(Path.Combine(run, "tape", "replay.csv")).Length > 100, "the tape keeps the rows written before the error");
            Assert.True(new FileInfo(Path.Combine(run, "tape", "replay.parquet")).Length > 100, "the Parquet tape is closed with what was written");
            Assert.Contains("\"status\": \"failed\"", File.ReadAllText(Path.Combine(run, "summary.json")), StringComparison.Ordinal);
            Assert.Contains($"\"error\": \"{messages}:501: column", File.ReadAllText(Path.Combine(run, "summary.json")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_non_empty_output_directory_is_a_one_line_user_error_and_nothing_in_it_is_touched()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ms-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "keep.txt"), "mine");

            var (code, output, error) = Run("replay", "lobster", "--messages", Messages, "--book", Book, "--out", dir);

            Assert.Equal(2, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains("not empty", error, StringComparison.Ordinal);
            Assert.Single(Directory.EnumerateFileSystemEntries(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_mismatch_exits_1_and_prints_the_first_one()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ms-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            var lines = File.ReadAllLines(Book);
            var f = lines[300].Split(',');
            f[1] = "1";
            lines[300] = string.Join(',', f);
            var book = Path.Combine(dir, "book.csv");
            File.WriteAllLines(book, lines);

            var (code, output, _) = Run("replay", "lobster", "--messages", Messages, "--book", book, "--validate");

            Assert.Equal(1, code);
            Assert.Contains("first mismatch: " + book + ":301 (after message line 301): ask level 1: expected", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Validate_with_inject_is_refused()
    {
        var (code, _, error) = Run("replay", "lobster", "--messages", Messages, "--book", Book, "--validate", "--inject", "x.csv");

        Assert.Equal(2, code);
        Assert.StartsWith("error: --validate cannot be combined with --inject", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tardis_and_binance_fixtures_validate_through_the_command_line()
    {
        var tardis = Run("replay", "tardis", "--book-updates", Data("tardis", "BTCUSDT_incremental_book_L2.csv.gz"), "--snapshots", Data("tardis", "BTCUSDT_book_snapshot_25.csv"), "--tick-size", "0.1", "--lot-size", "0.001", "--validate");
        var binance = Run("replay", "binance", "--snapshots", Data("binance", "BTCUSDT_depth_snapshots.jsonl"), "--updates", Data("binance", "BTCUSDT_depth_updates.jsonl"), "--tick-size", "0.1", "--lot-size", "0.001", "--validate");

        Assert.Equal(0, tardis.Code);
        Assert.Contains("validation: 41 transitions checked, 0 mismatched", tardis.Out, StringComparison.Ordinal);
        Assert.Equal(0, binance.Code);
        Assert.Contains("1 gaps, 1 resyncs", binance.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_numeric_tick_size_is_a_user_error()
    {
        var (code, _, error) = Run("replay", "binance", "--snapshots", "a", "--updates", "b", "--tick-size", "abc", "--lot-size", "0.001");

        Assert.Equal(2, code);
        Assert.Contains("abc", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_population_with_a_shock_prints_liquidations_and_writes_them_to_the_run_directory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ms-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output, error) = Run("replay", "lobster", "--messages", Messages, "--book", Book,
                "--population", Data("populations", "aapl-longs.json"), "--inject", Data("populations", "aapl-shock.csv"), "--out", dir);

            Assert.Equal(0, code);
            Assert.Equal(string.Empty, error);
            Assert.Contains("population: 30 of 30 accounts opened (367 long, 0 short), cross margin, mark mid, design full-close", output, StringComparison.Ordinal);
            Assert.Matches(@"liquidations: [1-9]\d* \(", output);
            Assert.Contains("(conserved)", output, StringComparison.Ordinal);
            Assert.Contains(",liq-start,", File.ReadAllText(Path.Combine(dir, "tape", "replay.csv")), StringComparison.Ordinal);
            Assert.Contains("\"population\": {", File.ReadAllText(Path.Combine(dir, "summary.json")), StringComparison.Ordinal);
            Assert.Contains("output directory: " + dir + " (tape/replay.csv and .parquet: ", output, StringComparison.Ordinal);

            // The same recorded run directory as `simulate`, in run/: its liquidations are the population's.
            int liquidations = int.Parse(Regex.Match(output, @"liquidations: (\d+) \(").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Contains($"recorded run: {liquidations} liquidations in ", output, StringComparison.Ordinal);
            Assert.Contains($"report: {Path.Combine(dir, "run", "report.md")}", output, StringComparison.Ordinal);
            foreach (string file in new[] { "report.md", "report.html", "summary.json", "plots/price.png", "tape/trades.csv", "analysis/liquidations.csv", "analysis/cascades.csv" })
            {
                Assert.True(File.Exists(Path.Combine(dir, "run", file)), file);
            }

            Assert.Equal(liquidations + 1, File.ReadAllLines(Path.Combine(dir, "run", "analysis", "liquidations.csv")).Length);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void Design_replaces_the_spec_s_liquidation_design()
    {
        var (code, output, _) = Run("replay", "lobster", "--messages", Messages, "--book", Book,
            "--population", Data("populations", "aapl-longs.json"), "--design", "insurance-fund");

        Assert.Equal(0, code);
        Assert.Contains("design insurance-fund", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_population_field_is_a_one_line_error_naming_the_file_and_field()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ms-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            var spec = Path.Combine(dir, "pop.json");
            File.WriteAllText(spec, File.ReadAllText(Data("populations", "aapl-longs.json")).Replace("\"max\": 1000 }", "\"max\": 5000 }", StringComparison.Ordinal));

            var (code, _, error) = Run("replay", "lobster", "--messages", Messages, "--book", Book, "--population", spec);

            Assert.Equal(2, code);
            Assert.Equal($"error: {spec}: leverage.max: must be in [1, 1000]; got 5000", error.Trim());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("--design", "adl", "error: --design needs --population")]
    [InlineData("--validate", null, "error: --validate cannot be combined with --population")]
    public void Population_options_that_cannot_work_together_are_refused(string option, string? value, string expected)
    {
        string[] args = ["replay", "lobster", "--messages", Messages, "--book", Book, option, .. value is null ? Array.Empty<string>() : [value]];
        if (option == "--validate")
        {
            args = [.. args, "--population", Data("populations", "aapl-longs.json")];
        }

        var (code, _, error) = Run(args);

        Assert.Equal(2, code);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tardis_population_with_a_ticker_mark_runs_through_the_command_line()
    {
        var (code, output, error) = Run("replay", "tardis", "--book-updates", Data("tardis", "BTCUSDT_incremental_book_L2.csv.gz"),
            "--ticker", Data("tardis", "BTCUSDT_derivative_ticker.csv"), "--tick-size", "0.1", "--lot-size", "0.001",
            "--population", Data("populations", "btc-mixed.json"));

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("population: 20 of 20 accounts opened", output, StringComparison.Ordinal);
        Assert.Contains("mark median-of-three, design tiered-partial", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_max_orders_is_a_ceiling_not_a_reservation()
    {
        // Issue 12 §3: 67,108,864 pre-allocated about 11.6 GB per book before the first message. Now the books grow
        // with the orders actually live, so the documented maximum runs like the default, in every replay.
        long before = GC.GetTotalAllocatedBytes();
        var lobster = Run("replay", "lobster", "--messages", Messages, "--book", Book, "--validate", "--max-orders", "67108864");
        var tardis = Run("replay", "tardis", "--book-updates", Data("tardis", "BTCUSDT_incremental_book_L2.csv.gz"), "--snapshots", Data("tardis", "BTCUSDT_book_snapshot_25.csv"), "--tick-size", "0.1", "--lot-size", "0.001", "--validate", "--max-orders", "67108864");
        var binance = Run("replay", "binance", "--snapshots", Data("binance", "BTCUSDT_depth_snapshots.jsonl"), "--updates", Data("binance", "BTCUSDT_depth_updates.jsonl"), "--tick-size", "0.1", "--lot-size", "0.001", "--validate", "--max-orders", "67108864");
        var population = Run("replay", "lobster", "--messages", Messages, "--book", Book, "--population", Data("populations", "aapl-longs.json"), "--max-orders", "268435456");
        long allocated = GC.GetTotalAllocatedBytes() - before;

        Assert.Equal((0, string.Empty), (lobster.Code, lobster.Err));
        Assert.Contains("validation: 998 transitions checked, 0 mismatched", lobster.Out, StringComparison.Ordinal);
        Assert.Equal((0, string.Empty), (tardis.Code, tardis.Err));
        Assert.Equal((0, string.Empty), (binance.Code, binance.Err));
        Assert.Equal((0, string.Empty), (population.Code, population.Err));

        // Pre-allocated, one book of 2^26 orders was 4 GB of nodes alone (the process allocates for parallel tests too).
        Assert.True(allocated < 2_000_000_000, $"{allocated:N0} bytes allocated");
    }

    [Theory]
    [InlineData("lobster", "268435457")]
    [InlineData("lobster", "0")]
    [InlineData("tardis", "2147483647")]
    [InlineData("binance", "268435457")]
    public void A_max_orders_beyond_the_documented_maximum_is_a_user_error_naming_the_option(string source, string value)
    {
        string[] args = source switch
        {
            "lobster" => ["replay", "lobster", "--messages", Messages, "--book", Book],
            "tardis" => ["replay", "tardis", "--book-updates", Data("tardis", "BTCUSDT_incremental_book_L2.csv.gz"), "--tick-size", "0.1", "--lot-size", "0.001"],
            _ => ["replay", "binance", "--snapshots", Data("binance", "BTCUSDT_depth_snapshots.jsonl"), "--updates", Data("binance", "BTCUSDT_depth_updates.jsonl"), "--tick-size", "0.1", "--lot-size", "0.001"],
        };

        var (code, _, error) = Run([.. args, "--max-orders", value]);

        Assert.Equal(2, code);
        Assert.Equal($"error: --max-orders must be in [1, 268435456]; got {value}", error.Trim());
    }
}
