using Microstructure.Replay.Binance;
using Microstructure.Replay.Io;
using Microstructure.Replay.Tests.TestSupport;

namespace Microstructure.Replay.Tests.Binance;

/// <summary>
/// Issue 12 §6 and §8: a Binance line is exactly one JSON object — what the parser used to read past or ignore without
/// a word (CR-only line ends, trailing content, a stray value among the levels, a key given twice, another symbol, an
/// empty file) is an error naming the file, the line and the field.
/// </summary>
public sealed class BinanceLineTests
{
    private static string Snapshots => TestData.File("binance", "BTCUSDT_depth_snapshots.jsonl");

    private static string[] UpdateLines => File.ReadAllLines(TestData.File("binance", "BTCUSDT_depth_updates.jsonl"));

    private static BinanceReplayOptions Options(string updates, string? snapshots = null) =>
        new() { SnapshotsPath = snapshots ?? Snapshots, UpdatesPath = updates, TickSize = 0.1m, LotSize = 0.001m };

    private static ReplayInputException Refused(string content, bool snapshots = false)
    {
        using var dir = new TempDirectory();
        var file = dir.Write(snapshots ? "snap.jsonl" : "updates.jsonl", content);
        return Assert.Throws<ReplayInputException>(() => BinanceReplay.Run(snapshots ? Options(TestData.File("binance", "BTCUSDT_depth_updates.jsonl"), file) : Options(file)));
    }

    [Fact]
    public void CR_only_line_ends_are_refused_at_the_first_line_instead_of_reading_one_message()
    {
        var error = Refused(string.Join('\r', UpdateLines) + "\r");

        Assert.Equal(1, error.Line);
        Assert.Contains("carriage return (CR)", error.Detail, StringComparison.Ordinal);
        Assert.Contains("lines must end in LF or CR LF", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void CR_LF_line_ends_replay_like_LF()
    {
        using var dir = new TempDirectory();
        var crlf = dir.Write("updates.jsonl", string.Join("\r\n", UpdateLines) + "\r\n");

        var lf = BinanceReplay.Run(Options(TestData.File("binance", "BTCUSDT_depth_updates.jsonl")));
        var report = BinanceReplay.Run(Options(crlf));

        Assert.Equal(320, report.MessagesRead);
        Assert.Equal(lf.MessagesApplied, report.MessagesApplied);
    }

    [Theory]
    [InlineData(" // comment", "'// comment'")]
    [InlineData("{\"e\":\"depthUpdate\"}", "'{\"e\":\"depthUpdate\"}'")]
    [InlineData("garbage", "'garbage'")]
    [InlineData(",", "','")]
    public void Anything_after_the_line_s_JSON_object_is_refused_with_its_column(string trailing, string quoted)
    {
        var lines = UpdateLines;
        var column = lines[4].Length + 1 + (trailing.Length - trailing.TrimStart().Length);
        lines[4] += trailing;

        var error = Refused(string.Join('\n', lines) + "\n");

        Assert.Equal(5, error.Line);
        Assert.Equal($"unexpected {quoted} after the JSON object at column {column}: a line holds exactly one JSON object", error.Detail);
    }

    [Fact]
    public void Trailing_content_after_a_snapshot_is_refused_too()
    {
        var snapshots = File.ReadAllLines(Snapshots);
        snapshots[0] += "{}";

        var error = Refused(string.Join('\n', snapshots) + "\n", snapshots: true);

        Assert.Equal(1, error.Line);
        Assert.StartsWith("unexpected '{}' after the JSON object", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_level_that_is_not_a_price_quantity_pair_is_refused_not_the_end_of_the_levels()
    {
        var lines = UpdateLines;
        lines[1] = lines[1].Replace("\"b\":[[\"42599.3\",\"0.531\"],", "\"b\":[[\"42599.3\",\"0.531\"],7,", StringComparison.Ordinal);
        Assert.Contains(",7,", lines[1], StringComparison.Ordinal);

        var error = Refused(string.Join('\n', lines) + "\n");

        Assert.Equal(2, error.Line);
        Assert.Equal("field 'b[1]': expected [price, quantity]", error.Detail);
    }

    [Theory]
    [InlineData("\"U\":901,", "\"U\":901,\"U\":905,", "U")]
    [InlineData("\"s\":\"BTCUSDT\",", "\"s\":\"BTCUSDT\",\"\\u0073\":\"BTCUSDT\",", "s")]
    public void A_key_given_twice_is_refused_naming_it(string from, string to, string field)
    {
        var lines = UpdateLines;
        lines[0] = lines[0].Replace(from, to, StringComparison.Ordinal);

        var error = Refused(string.Join('\n', lines) + "\n");

        Assert.Equal(1, error.Line);
        Assert.Equal($"field '{field}' is given twice", error.Detail);
    }

    [Fact]
    public void A_wrapped_event_may_repeat_a_wrapper_key_inside_data_but_not_within_data()
    {
        var lines = UpdateLines.Select(l => $"{{\"stream\":\"btcusdt@depth\",\"data\":{l},\"E\":1}}").ToArray();
        using var dir = new TempDirectory();
        var wrapped = dir.Write("wrapped.jsonl", string.Join('\n', lines) + "\n");

        Assert.Equal(320, BinanceReplay.Run(Options(wrapped)).MessagesRead);

        lines[2] = lines[2].Replace("\"pu\":", "\"pu\":1,\"pu\":", StringComparison.Ordinal);
        var error = Refused(string.Join('\n', lines) + "\n");
        Assert.Equal("field 'pu' is given twice", error.Detail);
    }

    [Fact]
    public void An_event_for_another_symbol_is_refused_at_its_line()
    {
        var lines = UpdateLines;
        lines[7] = lines[7].Replace("\"s\":\"BTCUSDT\"", "\"s\":\"ETHUSDT\"", StringComparison.Ordinal);

        var error = Refused(string.Join('\n', lines) + "\n");

        Assert.Equal(8, error.Line);
        Assert.Equal(InputErrorKind.Inconsistent, error.Kind);
        Assert.Equal("field 's': 'ETHUSDT' is not 'BTCUSDT' of line 1; a replay is one instrument", error.Detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void An_updates_file_without_events_is_an_error(string content)
    {
        var error = Refused(content);

        Assert.Equal(0, error.Line);
        Assert.Contains("no depthUpdate event in the file", error.Message, StringComparison.Ordinal);
    }
}
