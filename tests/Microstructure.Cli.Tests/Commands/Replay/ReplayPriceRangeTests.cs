using System.Globalization;

namespace Microstructure.Cli.Tests.Commands.Replay;

/// <summary>
/// Issue 12 §2: fine ticks and high prices replay (a book is 64-bit ticks, up to 2^62 of them, sparse in memory);
/// what no book can hold is exit 2 with one line naming the file and line or the option to change, not exit 70.
/// </summary>
public sealed class ReplayPriceRangeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ms-range-" + Guid.NewGuid().ToString("N"));

    public ReplayPriceRangeTests() => Directory.CreateDirectory(_folder);

    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    private static string TardisUpdates => Data("tardis", "BTCUSDT_incremental_book_L2.csv.gz");

    private static string BinanceSnapshots => Data("binance", "BTCUSDT_depth_snapshots.jsonl");

    private static string BinanceUpdates => Data("binance", "BTCUSDT_depth_updates.jsonl");

    private static string LobsterMessages => Data("lobster", "AAPL_2012-06-21_34200000_57600000_message_10.csv");

    private static string LobsterBook => Data("lobster", "AAPL_2012-06-21_34200000_57600000_orderbook_10.csv");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_tardis_replay_with_a_0_00001_tick_validates_and_trades_as_with_0_1()
    {
        // 42,600 quote at 0.00001 is 4.26 × 10^9 ticks; the default cap (4×) 1.7 × 10^10. Refused before (2^31).
        string[] Args(string tick) =>
        [
            "replay", "tardis", "--book-updates", TardisUpdates, "--snapshots", Data("tardis", "BTCUSDT_book_snapshot_25.csv"),
            "--trades", Data("tardis", "BTCUSDT_trades.csv"), "--liquidations", Data("tardis", "BTCUSDT_liquidations.csv"),
            "--ticker", Data("tardis", "BTCUSDT_derivative_ticker.csv"), "--tick-size", tick, "--lot-size", "0.001", "--validate",
        ];
        var fine = Run(Args("0.00001"));
        var coarse = Run(Args("0.1"));

        Assert.Equal((0, string.Empty), (fine.Code, fine.Err));
        Assert.Contains("validation: 41 transitions checked, 0 mismatched", fine.Out, StringComparison.Ordinal);
        Assert.Contains("trades: 57 visible (22,340 lots)", fine.Out, StringComparison.Ordinal);
        Assert.Equal(Line(coarse.Out, "trades:"), Line(fine.Out, "trades:"));
    }

    [Fact]
    public void A_tardis_population_replay_with_a_0_00001_tick_opens_every_account_and_conserves_money()
    {
        var (code, output, error) = Run("replay", "tardis", "--book-updates", TardisUpdates,
            "--ticker", Data("tardis", "BTCUSDT_derivative_ticker.csv"), "--tick-size", "0.00001", "--lot-size", "0.001",
            "--population", Data("populations", "btc-mixed.json"), "--out", Path.Combine(_folder, "fine"));

        Assert.Equal((0, string.Empty), (code, error));
        Assert.Contains("population: 20 of 20 accounts opened", output, StringComparison.Ordinal);
        Assert.Contains("(conserved)", output, StringComparison.Ordinal);
        Assert.Contains("\"tick_size\": 1E-05", File.ReadAllText(Path.Combine(_folder, "fine", "summary.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_binance_replay_with_a_0_00001_tick_validates()
    {
        var (code, output, error) = Run("replay", "binance", "--snapshots", BinanceSnapshots, "--updates", BinanceUpdates,
            "--tick-size", "0.00001", "--lot-size", "0.001", "--validate");

        Assert.Equal((0, string.Empty), (code, error));
        Assert.Contains("1 gaps, 1 resyncs", output, StringComparison.Ordinal);
        Assert.Contains("0 mismatched", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lobster_book_whose_first_row_is_above_53_7k_dollars_validates()
    {
        // The sample's prices × 1,000: $585,940, i.e. 5.9 × 10^9 ticks of $0.0001 and a default cap of 2.3 × 10^10.
        var (messages, book) = ScaledLobster(1_000);
        var (code, output, error) = Run("replay", "lobster", "--messages", messages, "--book", book, "--validate");

        Assert.Equal((0, string.Empty), (code, error));
        Assert.Contains("validation: 998 transitions checked, 0 mismatched", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lobster_max_price_of_a_trillion_dollars_replays()
    {
        var (code, output, error) = Run("replay", "lobster", "--messages", LobsterMessages, "--book", LobsterBook, "--max-price", "1000000000000", "--validate");

        Assert.Equal((0, string.Empty), (code, error));
        Assert.Contains("998 transitions checked, 0 mismatched", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--tick-size", "0.0000000000000000001", "error: --tick-size 0.0000000000000000001: must have at most 18 decimals and 18 significant digits and be at most 10^18")]
    [InlineData("--tick-size", "99999999999999999999", "error: --tick-size 99999999999999999999: must have at most 18 decimals")]
    [InlineData("--lot-size", "0.1234567890123456789", "error: --lot-size 0.1234567890123456789: must have at most 18 decimals")]
    [InlineData("--max-price", "1000000000000000000000", "error: --max-price 1000000000000000000000 is more than 2^62 ticks of 0.1 (at most 461168601842738790.4): lower it or pass a larger --tick-size")]
    [InlineData("--max-price", "0.01", "error: --max-price 0.01 is below one tick (0.1)")]
    public void A_tardis_or_binance_unit_or_cap_no_book_can_hold_is_a_user_error_naming_the_option(string option, string value, string expected)
    {
        foreach (var format in new[] { "tardis", "binance" })
        {
            var files = format == "tardis" ? new[] { "--book-updates", TardisUpdates } : ["--snapshots", BinanceSnapshots, "--updates", BinanceUpdates];
            var units = new Dictionary<string, string> { ["--tick-size"] = "0.1", ["--lot-size"] = "0.001", [option] = value };
            var (code, _, error) = Run(["replay", format, .. files, .. units.SelectMany(u => new[] { u.Key, u.Value })]);

            AssertUserError(code, error, expected);
        }
    }

    [Fact]
    public void A_tardis_or_binance_book_with_more_levels_than_max_orders_names_the_line_and_the_option()
    {
        var tardis = Run("replay", "tardis", "--book-updates", TardisUpdates, "--tick-size", "0.1", "--lot-size", "0.001", "--max-orders", "1");
        var binance = Run("replay", "binance", "--snapshots", BinanceSnapshots, "--updates", BinanceUpdates, "--tick-size", "0.1", "--lot-size", "0.001", "--max-orders", "1");

        AssertUserError(tardis.Code, tardis.Err, $"error: {TardisUpdates}:2: the book is full (1 resting orders, one per level plus simulated orders) and this update needs a new level; pass a larger --max-orders");
        AssertUserError(binance.Code, binance.Err, $"error: {BinanceSnapshots}:1: the book is full (1 resting orders");
    }

    [Theory]
    [InlineData("9e15")]
    [InlineData("9000000000000000")]
    public void A_tardis_amount_past_2_to_the_50_lots_names_the_file_line_and_column(string amount)
    {
        var lines = File.ReadAllLines(Data("tardis", "BTCUSDT_incremental_book_L2.csv"));
        var fields = lines[5].Split(',');
        fields[^1] = amount;
        lines[5] = string.Join(',', fields);
        var updates = Path.Combine(_folder, "updates.csv");
        File.WriteAllLines(updates, lines);

        var (code, _, error) = Run("replay", "tardis", "--book-updates", updates, "--tick-size", "0.1", "--lot-size", "0.001");

        AssertUserError(code, error, $"error: {updates}:6: column 'amount': {amount} is 9,000,000,000,000,000,000 lots of 0.001; an amount may be at most 1,125,899,906,842,624 lots (2^50): check the value or pass a larger --lot-size");
    }

    [Fact]
    public void A_binance_quantity_past_2_to_the_50_lots_names_the_file_line_and_field()
    {
        var lines = File.ReadAllLines(BinanceUpdates);
        lines[3] = lines[3].Replace("\"b\":[[\"", "\"b\":[[\"1\",\"9000000000000000\"],[\"", StringComparison.Ordinal);
        var updates = Path.Combine(_folder, "updates.jsonl");
        File.WriteAllLines(updates, lines);

        var (code, _, error) = Run("replay", "binance", "--snapshots", BinanceSnapshots, "--updates", updates, "--tick-size", "0.1", "--lot-size", "0.001");

        AssertUserError(code, error, $"error: {updates}:4: field 'b[0][1]': 9,000,000,000,000,000,000 lots of 0.001; a level may hold at most 1,125,899,906,842,624 lots (2^50)");
    }

    [Theory]
    [InlineData("1000000000000000000", "error: --max-price 1000000000000000000 must be between one tick (0.0001) and 461168601842738.7904 dollars (2^62 ticks of 0.0001)")]
    [InlineData("0.00001", "error: --max-price 0.00001 must be between one tick (0.0001)")]
    public void A_lobster_max_price_no_book_can_hold_is_a_user_error(string value, string expected)
    {
        var (code, _, error) = Run("replay", "lobster", "--messages", LobsterMessages, "--book", LobsterBook, "--max-price", value);

        AssertUserError(code, error, expected);
    }

    [Fact]
    public void A_population_whose_lot_at_the_highest_price_overflows_64_bit_cash_names_max_price()
    {
        var (code, _, error) = Run("replay", "lobster", "--messages", LobsterMessages, "--book", LobsterBook, "--max-price", "1000000000000",
            "--population", Data("populations", "aapl-longs.json"));

        AssertUserError(code, error, $"error: {Data("populations", "aapl-longs.json")}: one lot at the replay's highest price (1E+12 quote) is worth 1E+12 quote, more than 64-bit cash holds per position (2.31E+10 quote): pass a lower --max-price");
    }

    private static void AssertUserError(int code, string error, string expectedStart)
    {
        Assert.Equal(2, code);
        Assert.StartsWith(expectedStart, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static string Line(string output, string prefix) => output.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The sample LOBSTER pair with every price multiplied by <paramref name="factor"/> (sizes, times, ids unchanged).</summary>
    private (string Messages, string Book) ScaledLobster(long factor)
    {
        string Scale(string field) => (long.Parse(field, CultureInfo.InvariantCulture) * factor).ToString(CultureInfo.InvariantCulture);
        var messages = File.ReadAllLines(LobsterMessages).Select(line =>
        {
            var f = line.Split(',');
            f[4] = Scale(f[4]);
            return string.Join(',', f);
        });
        var book = File.ReadAllLines(LobsterBook).Select(line =>
        {
            var f = line.Split(',');
            for (var i = 0; i < f.Length; i += 2)
            {
                if (Math.Abs(long.Parse(f[i], CultureInfo.InvariantCulture)) != 9_999_999_999)
                {
                    f[i] = Scale(f[i]);
                }
            }

            return string.Join(',', f);
        });
        var messagesPath = Path.Combine(_folder, "AAPL_2012-06-21_34200000_57600000_message_10.csv");
        var bookPath = Path.Combine(_folder, "AAPL_2012-06-21_34200000_57600000_orderbook_10.csv");
        File.WriteAllLines(messagesPath, messages);
        File.WriteAllLines(bookPath, book);
        return (messagesPath, bookPath);
    }
}
