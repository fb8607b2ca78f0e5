using System.Globalization;
using System.Text;
using FsCheck.Xunit;
using Microstructure.Replay.Io;

namespace Microstructure.Replay.Tests.Io;

public sealed class AsciiNumberTests
{
    [Theory]
    [InlineData("34200.004241176", 34_200_004_241_176L)]
    [InlineData("34200", 34_200_000_000_000L)]
    [InlineData("0.5", 500_000_000L)]
    [InlineData("1.0000000019", 1_000_000_001L)]
    public void Seconds_parse_to_exact_nanoseconds(string text, long expected)
    {
        Assert.True(AsciiNumber.TryParseSecondsToNanos(Encoding.ASCII.GetBytes(text), out var ns));
        Assert.Equal(expected, ns);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1.5")]
    [InlineData("12.")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    public void Malformed_seconds_are_refused(string text) =>
        Assert.False(AsciiNumber.TryParseSecondsToNanos(Encoding.ASCII.GetBytes(text), out _));

    [Theory]
    [InlineData("43210.50", 0.1, 432105L)]
    [InlineData("1.5e-05", 0.000001, 15L)]
    [InlineData("0", 0.001, 0L)]
    [InlineData("2.417", 0.001, 2417L)]
    public void Decimals_convert_exactly_to_units(string text, double unit, long expected)
    {
        Assert.True(AsciiNumber.TryParseDecimal(Encoding.ASCII.GetBytes(text), out var m, out var e));
        Assert.Equal(UnitConversion.Ok, DecimalUnit.From((decimal)unit).TryToUnits(m, e, out var units));
        Assert.Equal(expected, units);
    }

    [Theory]
    [InlineData("0.001000000000000000000000000", 1L, -3)] // issue 12 §8: trailing zeros are not significant digits
    [InlineData("100", 1L, 2)]
    [InlineData("100.50", 1005L, -1)]
    [InlineData("10e2", 1L, 3)]
    [InlineData("1000000000000000000000000", 1L, 24)]
    [InlineData("123456789012345678000.000", 123456789012345678L, 3)]
    [InlineData("-0.0500", -5L, -2)]
    public void Leading_and_trailing_zeros_carry_no_precision(string text, long mantissa, int exponent)
    {
        Assert.True(AsciiNumber.TryParseDecimal(Encoding.ASCII.GetBytes(text), out var m, out var e));
        Assert.Equal((mantissa, exponent), (m, e));
    }

    [Theory]
    [InlineData("1234567890123456789")] // 19 significant digits
    [InlineData("1.000000000000000001")]
    public void More_than_18_significant_digits_are_refused(string text) =>
        Assert.False(AsciiNumber.TryParseDecimal(Encoding.ASCII.GetBytes(text), out _, out _));

    [Fact]
    public void A_price_off_the_tick_grid_is_not_a_multiple()
    {
        Assert.True(AsciiNumber.TryParseDecimal("100.05"u8, out var m, out var e));
        Assert.Equal(UnitConversion.NotMultiple, DecimalUnit.From(0.1m).TryToUnits(m, e, out _));
    }

    [Property]
    public bool Integers_round_trip(long value) =>
        AsciiNumber.TryParseLong(Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture)), out var parsed) == (Math.Abs((decimal)value) < 1e18m)
        && (Math.Abs((decimal)value) >= 1e18m || parsed == value);

    [Property]
    public bool Tick_multiples_round_trip_through_their_decimal_text(int ticks)
    {
        var unit = DecimalUnit.From(0.25m);
        var text = unit.Format(ticks);
        return AsciiNumber.TryParseDecimal(Encoding.ASCII.GetBytes(text), out var m, out var e)
            && unit.TryToUnits(m, e, out var back) == UnitConversion.Ok
            && back == ticks;
    }
}
