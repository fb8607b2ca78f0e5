using Microstructure.Replay.Io;
using Microstructure.Replay.Output;
using Microstructure.Replay.Tardis;
using Microstructure.Replay.Tests.TestSupport;

namespace Microstructure.Replay.Tests.Tardis;

/// <summary>
/// Issue 12 §6 and §8: Tardis inputs that used to give wrong results without a word — a funding rate of 1e30 taped as
/// 0, rows of another instrument, a gzip file cut short — are errors naming the file and the line; a trade whose side
/// Tardis documents as <c>unknown</c> is replayed with no aggressor side.
/// </summary>
public sealed class TardisInputTests
{
    private static string Data(string file) => TestData.File("tardis", file);

    private static TardisReplayOptions Options(string? updates = null, string? trades = null, string? liquidations = null, string? ticker = null) => new()
    {
        BookUpdatesPath = updates ?? Data("BTCUSDT_incremental_book_L2.csv"),
        TradesPath = trades ?? Data("BTCUSDT_trades.csv"),
        LiquidationsPath = liquidations ?? Data("BTCUSDT_liquidations.csv"),
        TickerPath = ticker ?? Data("BTCUSDT_derivative_ticker.csv"),
        TickSize = 0.1m,
        LotSize = 0.001m,
    };

    /// <summary>The file with one field of one row (1-based line) replaced.</summary>
    private static string WithField(TempDirectory dir, string file, int line, int column, string value)
    {
        var lines = File.ReadAllLines(Data(file));
        var fields = lines[line - 1].Split(',');
        fields[column] = value;
        lines[line - 1] = string.Join(',', fields);
        return dir.Write(file, string.Join('\n', lines) + "\n");
    }

    [Theory]
    [InlineData("1e30")]
    [InlineData("1.5")]
    [InlineData("-2")]
    public void A_funding_rate_outside_plus_minus_one_is_refused_with_its_line(string rate)
    {
        using var dir = new TempDirectory();
        var ticker = WithField(dir, "BTCUSDT_derivative_ticker.csv", 4, 5, rate);

        var error = Assert.Throws<ReplayInputException>(() => TardisReplay.Run(Options(ticker: ticker)));

        Assert.Equal(ticker, error.File);
        Assert.Equal(4, error.Line);
        Assert.StartsWith($"column 'funding_rate': {rate} is outside -1..1", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_funding_rate_within_range_is_taped_in_units_of_1e_minus_8()
    {
        using var dir = new TempDirectory();
        var ticker = WithField(dir, "BTCUSDT_derivative_ticker.csv", 2, 5, "-0.75");
        var tape = new TapeLog();

        TardisReplay.Run(Options(ticker: ticker), tape);

        Assert.Contains("funding_e8=-75000000", tape.Rows.First(r => r.Event == TapeEvent.Mark).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trade_of_unknown_side_is_replayed_with_no_side()
    {
        using var dir = new TempDirectory();
        var trades = WithField(dir, "BTCUSDT_trades.csv", 3, 5, "unknown");
        var tape = new TapeLog();

        var report = TardisReplay.Run(Options(trades: trades), tape);

        Assert.Equal(57, report.HistoricalTrades);
        var rows = tape.Rows.Where(r => r.Event == TapeEvent.Trade).ToList();
        Assert.Single(rows, r => r.Side is null);
        Assert.Equal(56, rows.Count(r => r.Side is not null));
    }

    [Theory]
    [InlineData("unknown", "buy or sell")]
    [InlineData("BUY", "buy or sell")]
    public void A_liquidation_s_side_must_be_buy_or_sell(string side, string expected)
    {
        using var dir = new TempDirectory();
        var liquidations = WithField(dir, "BTCUSDT_liquidations.csv", 2, 5, side);

        var error = Assert.Throws<ReplayInputException>(() => TardisReplay.Run(Options(liquidations: liquidations)));

        Assert.Equal(2, error.Line);
        Assert.Equal($"column 'side': '{side}' is not {expected}", error.Detail);
    }

    [Fact]
    public void A_row_of_another_symbol_in_the_same_file_is_refused_at_its_line()
    {
        using var dir = new TempDirectory();
        var updates = WithField(dir, "BTCUSDT_incremental_book_L2.csv", 40, 1, "ETHUSDT");

        var error = Assert.Throws<ReplayInputException>(() => TardisReplay.Run(Options(updates: updates)));

        Assert.Equal(40, error.Line);
        Assert.Equal(InputErrorKind.Inconsistent, error.Kind);
        Assert.Equal($"column 'symbol': 'ETHUSDT' is not 'BTCUSDT' of the first row ({updates}:2); a replay is one instrument", error.Detail);
    }

    [Fact]
    public void A_trades_file_of_another_instrument_is_refused()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Data("BTCUSDT_trades.csv"));
        var trades = dir.Write("trades.csv", string.Join('\n', lines.Select((l, i) => i == 0 ? l : l.Replace("binance-futures,", "bybit,", StringComparison.Ordinal))) + "\n");

        var error = Assert.Throws<ReplayInputException>(() => TardisReplay.Run(Options(trades: trades)));

        Assert.Equal(trades, error.File);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("column 'exchange': 'bybit' is not 'binance-futures'", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(300)]
    public void A_gzip_file_cut_short_is_an_error_naming_it(int missingBytes)
    {
        using var dir = new TempDirectory();
        var bytes = File.ReadAllBytes(Data("BTCUSDT_incremental_book_L2.csv.gz"));
        var cut = Path.Combine(dir.Path, "BTCUSDT_incremental_book_L2.csv.gz");
        File.WriteAllBytes(cut, bytes[..^missingBytes]);

        var error = Assert.Throws<ReplayInputException>(() => TardisReplay.Run(Options(updates: cut)));

        Assert.Equal(cut, error.File);
        Assert.StartsWith("truncated or corrupt gzip file", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_bytes_and_CRs_of_a_bad_field_are_escaped_in_the_message()
    {
        using var dir = new TempDirectory();
        var updates = WithField(dir, "BTCUSDT_incremental_book_L2.csv", 5, 6, "\u001b[2J\r42");

        var error = Assert.Throws<ReplayInputException>(() => TardisReplay.Run(Options(updates: updates)));

        Assert.Equal($"{updates}:5: column 'price': '\\x1B[2J\\r42' is not a decimal number", error.Message);
    }

    [Fact]
    public void A_whole_gzip_file_replays_as_its_csv()
    {
        var plain = TardisReplay.Run(Options());
        var gzip = TardisReplay.Run(Options(updates: Data("BTCUSDT_incremental_book_L2.csv.gz")));

        Assert.Equal(plain.MessagesApplied, gzip.MessagesApplied);
    }
}
