using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Tests.Tables;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("", "\"\"")]
    public void Strings_are_quoted_only_when_RFC_4180_needs_it(string value, string expected)
    {
        var w = new StringWriter();
        CsvText.WriteString(w, value);
        Assert.Equal(expected, w.ToString());
    }

    [Fact]
    public void Null_string_is_an_empty_field()
    {
        var w = new StringWriter();
        CsvText.WriteString(w, null);
        Assert.Equal(string.Empty, w.ToString());
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(-1234.5, "-1234.5")]
    [InlineData(1e-300, "1E-300")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Doubles_use_the_invariant_shortest_round_trip_form(double value, string expected)
    {
        var w = new StringWriter();
        CsvText.WriteDouble(w, value);
        Assert.Equal(expected, w.ToString());
    }

    [Fact]
    public void Every_double_text_parses_back_to_the_same_bits()
    {
        var rng = new Random(1);
        for (int i = 0; i < 10_000; i++)
        {
            double v = BitConverter.Int64BitsToDouble(rng.NextInt64());
            if (!double.IsFinite(v))
            {
                continue;
            }

            var w = new StringWriter();
            CsvText.WriteDouble(w, v);
            Assert.Equal(v, double.Parse(w.ToString(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Long_extremes_are_written_in_full()
    {
        var w = new StringWriter();
        CsvText.WriteInt64(w, long.MinValue);
        Assert.Equal("-9223372036854775808", w.ToString());
    }
}
