using Microstructure.Risk.Margin;

namespace Microstructure.Risk.Tests.Margin;

public class BracketTableTests
{
    [Fact]
    public void Binance_btcusdt_cum_maintenance_amounts_match_every_published_bracket()
    {
        // cum_n = floor_n × (MMR_n − MMR_{n−1}) + cum_{n−1} (DESIGN.md §3), in USDT.
        decimal[] expected = [0m, 50m, 1_300m, 16_300m, 266_300m, 1_266_300m, 2_516_300m, 5_016_300m, 25_016_300m, 100_016_300m];
        var table = BracketTable.BinanceBtcUsdt2021;
        Assert.Equal(expected.Length, table.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(FixedPoint.ToCash(expected[i]), table[i].Cum);
        }
    }

    [Theory]
    [InlineData(10_000, 40)] // 10,000 × 0.4% − 0
    [InlineData(50_000, 200)] // cap of bracket 1
    [InlineData(100_000, 450)] // 100,000 × 0.5% − 50
    [InlineData(600_000, 4_700)] // 600,000 × 1% − 1,300
    [InlineData(5_000_000, 108_700)] // 5M × 2.5% − 16,300
    [InlineData(15_000_000, 483_700)] // 15M × 5% − 266,300
    [InlineData(400_000_000, 99_983_700)] // 400M × 50% − 100,016,300
    public void Maintenance_is_notional_times_rate_minus_cum(long notional, long maintenance)
    {
        Assert.Equal(FixedPoint.ToCash(maintenance), BracketTable.BinanceBtcUsdt2021.Maintenance(FixedPoint.ToCash(notional)));
    }

    [Fact]
    public void Maintenance_is_continuous_at_every_bracket_cap()
    {
        var table = BracketTable.BinanceBtcUsdt2021;
        for (int i = 0; i < table.Count - 1; i++)
        {
            long cap = table[i].NotionalCap;
            long atCap = table.Maintenance(cap);
            long justAbove = table.Maintenance(cap + FixedPoint.CashScale);
            long slope = FixedPoint.RateCeil(FixedPoint.CashScale, table[i + 1].MaintenanceRate);
            Assert.InRange(justAbove - atCap, 0, slope + 1);
        }
    }

    [Theory]
    [InlineData(50_000, 125)]
    [InlineData(50_001, 100)]
    [InlineData(2_000_000, 20)]
    [InlineData(600_000_000, 1)]
    public void Max_leverage_follows_the_bracket(long notional, int leverage) =>
        Assert.Equal(leverage, BracketTable.BinanceBtcUsdt2021.MaxLeverage(FixedPoint.ToCash(notional)));

    [Fact]
    public void Brackets_out_of_order_are_refused_with_the_field_path()
    {
        var error = Assert.Throws<RiskConfigurationException>(() => new BracketTable([new(100m, 10, 0.01m), new(50m, 5, 0.02m)], "risk.brackets"));
        Assert.Equal("risk.brackets[1].notionalCap", error.Path);
    }
}
