using FsCheck;
using FsCheck.Fluent;

namespace Microstructure.Risk.Tests.Primitives;

public class FixedPointTests
{
    [Theory]
    [InlineData(7, 2, 3, 4)]
    [InlineData(-7, 2, -4, -3)]
    [InlineData(6, 3, 2, 2)]
    [InlineData(-6, 3, -2, -2)]
    [InlineData(0, 5, 0, 0)]
    public void Floor_and_ceil_division_round_toward_minus_and_plus_infinity(long a, long b, long floor, long ceil)
    {
        Assert.Equal(floor, FixedPoint.FloorDiv(a, b));
        Assert.Equal(ceil, FixedPoint.CeilDiv(a, b));
    }

    [Fact]
    public void Rate_and_muldiv_helpers_equal_exact_128_bit_arithmetic()
    {
        var values = Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => ((long)t.Item1 << 24) + t.Item2);
        var rates = Gen.Choose(0, (int)FixedPoint.RateScale);
        var property = Prop.ForAll(Arb.From(values), Arb.From(rates), (value, rate) =>
        {
            Int128 product = (Int128)value * rate;
            Int128 floor = product / FixedPoint.RateScale - (product % FixedPoint.RateScale < 0 ? 1 : 0);
            Int128 ceil = product / FixedPoint.RateScale + (product % FixedPoint.RateScale > 0 ? 1 : 0);
            Assert.Equal((long)floor, FixedPoint.RateFloor(value, rate));
            Assert.Equal((long)ceil, FixedPoint.RateCeil(value, rate));
            Assert.Equal((long)floor, FixedPoint.MulDivFloor(value, rate, FixedPoint.RateScale));
            Assert.Equal((long)ceil, FixedPoint.MulDivCeil(value, rate, FixedPoint.RateScale));
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(2_000), property);
    }

    [Fact]
    public void Decimal_conversions_round_half_away_from_zero_to_the_scale()
    {
        Assert.Equal(100_000_000, FixedPoint.ToCash(1m));
        Assert.Equal(1, FixedPoint.ToCash(0.000000005m));
        Assert.Equal(66_666_667, FixedPoint.ToRate(0.6666666667m));
        Assert.Equal(-1.5m, FixedPoint.ToQuote(-150_000_000));
    }
}
