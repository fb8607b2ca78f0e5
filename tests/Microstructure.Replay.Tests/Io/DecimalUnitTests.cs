using Microstructure.Replay.Io;

namespace Microstructure.Replay.Tests.Io;

public sealed class DecimalUnitTests
{
    [Theory]
    [InlineData("0.1", 1, -1)]
    [InlineData("0.00001", 1, -5)]
    [InlineData("0.000000000000000001", 1, -18)]
    [InlineData("0.0025", 25, -4)]
    [InlineData("1000", 1, 3)]
    [InlineData("123456789012345678", 123456789012345678, 0)]
    [InlineData("1000000000000000000", 1, 18)]
    [InlineData("0.001000000000000000000000000", 1, -3)]
    public void A_unit_is_its_significant_digits_times_a_power_of_ten(string text, long mantissa, int exponent)
    {
        var unit = DecimalUnit.From(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((mantissa, exponent), (unit.Mantissa, unit.Exponent));
        Assert.Equal(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture), unit.Value);
    }

    [Theory]
    [InlineData("0.0000000000000000001")] // 19 decimals: was IndexOutOfRangeException
    [InlineData("99999999999999999999")] // 20 significant digits: was OverflowException
    [InlineData("0.1234567890123456789")] // 19 significant digits
    [InlineData("1000000000000000001")] // past 10^18
    [InlineData("0")]
    [InlineData("-0.1")]
    public void A_unit_that_is_not_positive_or_has_too_many_digits_is_an_argument_error(string text)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DecimalUnit.From(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
