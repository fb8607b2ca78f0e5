using Microstructure.Replay.Io;
using Microstructure.Replay.Lobster;
using Microstructure.Replay.Tests.TestSupport;

namespace Microstructure.Replay.Tests.Lobster;

public sealed class LobsterBadInputTests
{
    private static ReplayInputException Fails(TempDirectory dir, Action<List<string>, List<string>> edit)
    {
        var (messages, book) = Edited(dir, edit);
        return Assert.Throws<ReplayInputException>(() => LobsterReplay.Run(new LobsterReplayOptions { MessagesPath = messages, BookPath = book, Validate = true }));
    }

    private static (string Messages, string Book) Edited(TempDirectory dir, Action<List<string>, List<string>> edit)
    {
        var messages = LobsterFiles.Messages(40).ToList();
        var book = LobsterFiles.Book(40).ToList();
        edit(messages, book);
        return LobsterFiles.Write(dir, [.. messages], [.. book]);
    }

    [Fact]
    public void A_truncated_message_line_names_file_line_and_column_count()
    {
        using var dir = new TempDirectory();
        var e = Fails(dir, (m, _) => m[9] = m[9][..m[9].LastIndexOf(',')]);
        Assert.EndsWith("_message_10.csv:10: expected 6 columns (time,type,order id,size,price,direction), found 5 (truncated line?)", e.Message);
        Assert.Equal(InputErrorKind.Malformed, e.Kind);
    }

    [Fact]
    public void A_book_row_with_the_wrong_column_count_is_reported()
    {
        using var dir = new TempDirectory();
        var e = Fails(dir, (_, b) => b[4] += ",1,2");
        Assert.EndsWith("_orderbook_10.csv:5: expected 40 columns (10 levels x ask price, ask size, bid price, bid size), found 42", e.Message);
    }

    [Fact]
    public void A_non_numeric_field_names_the_column_and_the_text()
    {
        using var dir = new TempDirectory();
        var e = Fails(dir, (m, _) => m[6] = m[6].Replace(",5", ",5x5", StringComparison.Ordinal));
        Assert.Equal(InputErrorKind.NotANumber, e.Kind);
        Assert.Contains(":7: column 'price': '5x5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_order_id_with_no_liquidity_at_its_price_is_reported()
    {
        using var dir = new TempDirectory();
        var e = Fails(dir, (m, _) => m[11] = "34200.30,3,99999999,10,5000000,1");
        Assert.Equal(InputErrorKind.UnknownOrder, e.Kind);
        Assert.Contains(":12: order 99999999 (delete of 10 bid at 500.0000) is not in the book", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_order_timestamps_are_reported()
    {
        using var dir = new TempDirectory();
        var e = Fails(dir, (m, _) => m[14] = "34199.0" + m[14][m[14].IndexOf(',')..]);
        Assert.Equal(InputErrorKind.OutOfOrderTime, e.Kind);
        Assert.Contains(":15: time 34199.000000000 is earlier than the previous message's", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crossed_book_row_is_reported()
    {
        using var dir = new TempDirectory();
        var e = Fails(dir, (_, b) =>
        {
            var f = b[7].Split(',');
            f[2] = "5900000"; // best bid above the best ask
            b[7] = string.Join(',', f);
        });
        Assert.Equal(InputErrorKind.CrossedBook, e.Kind);
        Assert.Contains("_orderbook_10.csv:8: crossed book: best bid 5900000 >= best ask", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_of_different_lengths_are_inconsistent()
    {
        using var dir = new TempDirectory();
        var e = Fails(dir, (_, b) => b.RemoveAt(b.Count - 1));
        Assert.Equal(InputErrorKind.Inconsistent, e.Kind);
        Assert.Contains("the orderbook file ends here but the message file goes on (message line 40)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_row_is_reported_as_the_first_mismatch_with_row_side_level_expected_and_got()
    {
        using var dir = new TempDirectory();
        var (messages, book) = Edited(dir, (_, b) =>
        {
            var f = b[19].Split(',');
            f[5] = (long.Parse(f[5]) + 7).ToString(); // ask size, level 2
            b[19] = string.Join(',', f);
        });

        var report = LobsterReplay.Run(new LobsterReplayOptions { MessagesPath = messages, BookPath = book, Validate = true });

        Assert.Equal(39, report.TransitionsChecked);
        Assert.True(report.TransitionsMismatched >= 1);
        Assert.Matches(@"_orderbook_10\.csv:20 \(after message line 20\): ask level 2: expected \d+\.\d{4} x \d+, got \d+\.\d{4} x \d+$", report.FirstMismatch);
    }

    [Fact]
    public void Lenient_mode_skips_counts_and_reports_each_kind_of_bad_line()
    {
        using var dir = new TempDirectory();
        var (messages, book) = Edited(dir, (m, b) =>
        {
            m[9] = m[9][..m[9].LastIndexOf(',')];
            m[20] = m[20].Replace(",1,", ",x,", StringComparison.Ordinal);
            m[30] = "34200.9,3,99999999,10,5000000,1";
        });

        var report = LobsterReplay.Run(new LobsterReplayOptions { MessagesPath = messages, BookPath = book, Validate = true, Lenient = true });

        // Skipping a line can orphan later messages about the same order; those are skipped and counted too.
        Assert.Equal(40, report.MessagesRead);
        Assert.True(report.Skipped.Total >= 3);
        Assert.Equal(report.MessagesRead - report.MessagesApplied, report.Skipped.Total);
        Assert.Equal(1, report.Skipped.ByKind["malformed"]);
        Assert.True(report.Skipped.ByKind["unknown-order"] >= 1);
        Assert.Equal(report.Skipped.Total, report.TransitionsSkipped);
        Assert.Equal(39, report.TransitionsChecked + report.TransitionsSkipped);
        Assert.Contains(report.Skipped.First, s => s.Contains(":10: expected 6 columns", StringComparison.Ordinal));
    }
}
