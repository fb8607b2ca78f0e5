using System.Text;
using Microstructure.Replay.Io;

namespace Microstructure.Replay.Tests.Io;

/// <summary>Issue 12 §8: input bytes quoted in an error never reach the terminal raw.</summary>
public sealed class InputTextTests
{
    [Theory]
    [InlineData(new byte[] { (byte)'a', (byte)'\r', (byte)'b' }, "a\\rb")]
    [InlineData(new byte[] { 0x1B, (byte)'[', (byte)'2', (byte)'J' }, "\\x1B[2J")]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'x' }, "\\xFF\\xFEx")]
    [InlineData(new byte[] { 0xC2, 0xB5, (byte)'s' }, "µs")]
    [InlineData(new byte[] { 0xE2, 0x80, 0xAE, (byte)'x' }, "\\u202Ex")] // right-to-left override
    public void Control_format_and_non_UTF8_bytes_are_escaped_and_printable_text_is_kept(byte[] bytes, string expected) =>
        Assert.Equal(expected, InputText.Snippet(bytes));

    [Fact]
    public void A_long_snippet_is_cut()
    {
        var text = InputText.Snippet(Encoding.ASCII.GetBytes(new string('7', 1000)));

        Assert.Equal(new string('7', InputText.SnippetLength) + "…", text);
    }

    [Fact]
    public void An_input_error_s_message_is_one_printable_line_whatever_its_detail_holds()
    {
        var error = new ReplayInputException("f.csv", 3, "column 'x': 'a\r\nb\u001b' is bad");

        Assert.Equal("f.csv:3: column 'x': 'a\\r\\nb\\x1B' is bad", error.Message);
        Assert.Equal("column 'x': 'a\\r\\nb\\x1B' is bad", error.Detail);
    }
}
