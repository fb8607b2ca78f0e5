using System.Security.Cryptography;
using Microstructure.Cli.Tests.TestSupport;

namespace Microstructure.Cli.Tests.Commands.Replay;

/// <summary>Issue 12 §5, §6 and §8 through the command line: exit 2, one printable line naming the file and line or option.</summary>
public sealed class ReplayInputContractTests
{
    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    private static string Messages => Data("lobster", "AAPL_2012-06-21_34200000_57600000_message_10.csv");

    private static string Book => Data("lobster", "AAPL_2012-06-21_34200000_57600000_orderbook_10.csv");

    private static string[] Binance(params string[] more) =>
        ["replay", "binance", "--snapshots", Data("binance", "BTCUSDT_depth_snapshots.jsonl"), "--updates", Data("binance", "BTCUSDT_depth_updates.jsonl"), "--tick-size", "0.1", "--lot-size", "0.001", .. more];

    private static string[] Tardis(params string[] more) =>
        ["replay", "tardis", "--book-updates", Data("tardis", "BTCUSDT_incremental_book_L2.csv"), "--tick-size", "0.1", "--lot-size", "0.001", .. more];

    private static string[] PopulationReplay(string outDir) =>
        ["replay", "lobster", "--messages", Messages, "--book", Book, "--population", Data("populations", "aapl-longs.json"), "--inject", Data("populations", "aapl-shock.csv"), "--out", outDir];

    [Fact]
    public void Max_price_exists_for_binance_and_tardis_as_their_price_range_error_suggests()
    {
        var binance = CliRun.Run(Binance("--max-price", "40000"));
        var tardis = CliRun.Run(Tardis("--max-price", "40000"));

        Assert.Equal(2, binance.Code);
        Assert.EndsWith("is outside the replay's price range (up to 40000.0); pass a larger --max-price", binance.Err.Trim(), StringComparison.Ordinal);
        Assert.Equal(2, tardis.Code);
        Assert.EndsWith("pass a larger --max-price", tardis.Err.Trim(), StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Run(Binance("--max-price", "200000")).Code);
        Assert.Equal(0, CliRun.Run(Tardis("--max-price", "200000")).Code);
        Assert.Equal("error: --tick-size, --lot-size and --max-price must be positive", CliRun.Run(Binance("--max-price", "0")).Err.Trim());
        Assert.Equal("error: --max-price 0.05 is below one tick (0.1)", CliRun.Run(Binance("--max-price", "0.05")).Err.Trim());
    }

    [Fact]
    public void An_injected_order_the_book_rejects_is_a_user_error_naming_the_injection_line_and_the_summary_says_failed()
    {
        using var cli = new CliRun();
        var inject = cli.Path_("inject.csv");
        File.WriteAllText(inject, "time,kind,side,quantity,price,label\n34210,market,sell,9000000000000000,,too-big\n");
        var outDir = cli.Path_("out");

        var (code, output, error) = CliRun.Run("replay", "lobster", "--messages", Messages, "--book", Book, "--inject", inject, "--out", outDir);

        Assert.Equal(2, code);
        Assert.DoesNotContain("injection:", output, StringComparison.Ordinal);
        Assert.Equal($"error: {inject}:2: the book rejected the injected market order: its quantity (9000000000000000 lots) is above the largest order the book takes (1125899906842624 lots)", error.Trim());
        Assert.Contains("\"status\": \"failed\"", File.ReadAllText(Path.Combine(outDir, "summary.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_completed_replay_s_summary_counts_refused_injected_orders()
    {
        using var cli = new CliRun();
        var outDir = cli.Path_("out");

        var (code, _, error) = CliRun.Run(PopulationReplay(outDir));

        Assert.True(code == 0, error);
        Assert.Contains("\"refused\": 0", File.ReadAllText(Path.Combine(outDir, "summary.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_control_bytes_and_CRs_of_an_input_are_escaped_on_the_terminal()
    {
        using var cli = new CliRun();
        var lines = File.ReadAllLines(Messages);
        lines[9] = "34200.5,1,123,\u001b[2J\r7,5850000,1";
        var messages = cli.Path_("AAPL_message_10.csv");
        File.WriteAllLines(messages, lines);

        var (code, _, error) = CliRun.Run("replay", "lobster", "--messages", messages, "--book", Book);

        Assert.Equal(2, code);
        Assert.Equal($"error: {messages}:10: column 'size': '\\x1B[2J\\r7' is not an integer", error.TrimEnd('\n', '\r'));
    }

    [Fact]
    public void Output_files_symlinked_elsewhere_are_refused_and_their_targets_untouched()
    {
        using var cli = new CliRun();
        var target = cli.Path_("elsewhere.txt");
        File.WriteAllText(target, "someone else's file");
        var outDir = cli.Path_("d");
        Directory.CreateDirectory(outDir);
        File.CreateSymbolicLink(Path.Combine(outDir, "summary.json"), target);
        Directory.CreateDirectory(Path.Combine(outDir, "tape"));
        File.CreateSymbolicLink(Path.Combine(outDir, "tape", "replay.csv"), target);

        var (code, _, error) = CliRun.Run("replay", "lobster", "--messages", Messages, "--book", Book, "--out", outDir);

        Assert.Equal(2, code);
        Assert.Contains("not empty", error, StringComparison.Ordinal);
        Assert.Equal("someone else's file", File.ReadAllText(target));
    }

    [Fact]
    public void A_second_population_replay_into_the_same_directory_is_refused_before_anything_is_written()
    {
        using var cli = new CliRun();
        var outDir = cli.Path_("out");
        Assert.Equal(0, CliRun.Run(PopulationReplay(outDir)).Code);
        var before = Hashes(outDir);

        var (code, _, error) = CliRun.Run(PopulationReplay(outDir));

        Assert.Equal(2, code);
        Assert.Contains("already exists and is not empty", error, StringComparison.Ordinal);
        Assert.Equal(before, Hashes(outDir));
    }

    private static Dictionary<string, string> Hashes(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))) + File.GetLastWriteTimeUtc(f).Ticks, StringComparer.Ordinal);
}
