using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microstructure.Replay.Io;
using Microstructure.Replay.Lobster;

namespace Microstructure.Replay.Tests.Lobster;

public sealed class LobsterLineParserTests
{
    [Fact]
    public void A_canonical_line_is_parsed_in_one_pass()
    {
        Assert.True(LobsterLineParser.TryParse("34200.004241176,1,16113575,18,5853300,-1"u8, out var t, out var type, out var id, out var size, out var price, out var dir));
        Assert.Equal((34_200_004_241_176L, 1L, 16_113_575L, 18L, 5_853_300L, -1L), (t, type, id, size, price, dir));

        Assert.True(LobsterLineParser.TryParse("34200.5,7,0,0,-1,1"u8, out t, out _, out _, out _, out price, out _));
        Assert.Equal((34_200_500_000_000L, -1L), (t, price));
    }

    [Theory]
    [InlineData("")]
    [InlineData("34200.1,1,2,3,4")]
    [InlineData("34200.1,1,2,3,4,5,6")]
    [InlineData("34200.,1,2,3,4,5")]
    [InlineData("-34200.1,1,2,3,4,5")]
    [InlineData("34200.1,1,2,3,4,5 ")]
    [InlineData("1234567890.1,1,2,3,4,5")]
    [InlineData("34200.1,1,2,,4,5")]
    [InlineData("34200.1,1,2,x3,4,5")]
    [InlineData("34200.1,1,2,1234567890123456789,4,5")]
    public void Anything_but_the_canonical_form_is_left_to_the_general_path(string line) =>
        Assert.False(LobsterLineParser.TryParse(Encoding.ASCII.GetBytes(line), out _, out _, out _, out _, out _, out _));

    [Fact]
    public void Whenever_the_fast_path_accepts_a_line_it_agrees_with_the_field_by_field_parse()
    {
        // Lines built from plausible fields and from noise; the two paths must never disagree on one they both read.
        var digits = Gen.Elements("0", "7", "12", "034", "99999", "123456789", "1234567890123456789", "");
        var field = Gen.OneOf(
            digits,
            digits.Select(d => "-" + d),
            Gen.Elements("x", " 1", "1 ", "+1", "--1", "1.5"));
        var time = Gen.OneOf(
            digits,
            from w in digits from f in Gen.Elements("", "0", "004241176", "0042411761234", "5") select w + "." + f,
            Gen.Elements("-1.0", "1..2", ".5"));
        var lines =
            from t in time
            from fields in Gen.ArrayOf(field, 5)
            from extra in Gen.Elements("", ",", ",1", " ")
            select t + "," + string.Join(",", fields) + extra;

        Prop.ForAll(lines.ToArbitrary(), line =>
        {
            var bytes = Encoding.ASCII.GetBytes(line);
            if (!LobsterLineParser.TryParse(bytes, out var t, out var type, out var id, out var size, out var price, out var dir))
            {
                return true;
            }

            var parts = line.Split(',');
            return parts.Length == 6
                && AsciiNumber.TryParseSecondsToNanos(Encoding.ASCII.GetBytes(parts[0]), out var gt) && gt == t
                && AsciiNumber.TryParseLong(Encoding.ASCII.GetBytes(parts[1]), out var g1) && g1 == type
                && AsciiNumber.TryParseLong(Encoding.ASCII.GetBytes(parts[2]), out var g2) && g2 == id
                && AsciiNumber.TryParseLong(Encoding.ASCII.GetBytes(parts[3]), out var g3) && g3 == size
                && AsciiNumber.TryParseLong(Encoding.ASCII.GetBytes(parts[4]), out var g4) && g4 == price
                && AsciiNumber.TryParseLong(Encoding.ASCII.GetBytes(parts[5]), out var g5) && g5 == dir;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    [Fact]
    public void A_line_read_from_a_full_buffer_gives_the_same_fields_as_the_scalar_pass()
    {
        // With 80 bytes or more buffered the reader takes the wide path (a 64-byte digit mask, eight digits at a time);
        // it must agree with the scalar pass on every line, field lengths 1-19 digits, either end of line, and the
        // bytes after the line must not matter.
        var digits = Gen.Choose(0, 19).SelectMany(n => Gen.ArrayOf(Gen.Elements('0', '1', '5', '8', '9'), n).Select(c => new string(c)));
        var field = Gen.OneOf(digits, digits.Select(d => "-" + d), Gen.Elements("x", "+1", "1.5", " 1"));
        var time = Gen.OneOf(
            digits,
            from w in digits from f in digits select w + "." + f,
            Gen.Elements("-1.0", ".5", "34200.004241176"));
        var buffers =
            from t in time
            from fields in Gen.ArrayOf(field, 5)
            from eol in Gen.Elements("\n", "\r\n", "\r", "", ",1\n", " \n")
            from after in Gen.Elements("34200.1,1,2,3,4,5\n", "\n\n", "9999999999999999999999999999", "")
            from pad in Gen.Choose(0, 100)
            select (Line: t + "," + string.Join(",", fields), Eol: eol, After: after + new string('7', pad));

        Prop.ForAll(buffers.ToArbitrary(), ((string Line, string Eol, string After) b) =>
        {
            var bytes = Encoding.ASCII.GetBytes(b.Line + b.Eol + b.After);
            var wide = LobsterLineParser.TryParseLine(bytes, out var consumed, out var t, out var type, out var id, out var size, out var price, out var dir);
            // The oracle: the bytes up to the first LF (less a CR before it) read by the scalar pass.
            var lf = Array.IndexOf(bytes, (byte)'\n');
            var line = lf < 0 ? [] : bytes.AsSpan(0, lf > 0 && bytes[lf - 1] == (byte)'\r' ? lf - 1 : lf).ToArray();
            var scalar = LobsterLineParser.TryParse(line, out var st, out var s1, out var s2, out var s3, out var s4, out var s5);
            var expected = lf >= 0 && scalar;
            if (!wide)
            {
                return !expected;
            }

            return expected && consumed == lf + 1 && (t, type, id, size, price, dir) == (st, s1, s2, s3, s4, s5);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(5000));
    }
}
