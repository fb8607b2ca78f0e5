using System.Text.Json;
using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Reports;
using Microstructure.Analysis.StylizedFacts;
using Microstructure.Engine;

namespace Microstructure.Analysis.Tests.Reports;

public sealed class AnalysisSummaryTests
{
    private static CascadeSummary Cascade(long root, long notional, int waves, long? recovery, double move) => new()
    {
        TreeIndex = 0,
        RootId = root,
        StartNs = 0,
        EndNs = 10,
        Count = waves,
        Waves = waves,
        TotalNotional = notional,
        BuyNotional = 0,
        SellNotional = notional,
        Direction = Side.Sell,
        MidBefore = 100,
        ExtremeMid = 90,
        PeakToTrough = 10,
        PeakToTroughRelative = move,
        ShockNotional = 0,
        Amplification = double.NaN,
        MidRecoveryNs = recovery,
        DepthBefore = null,
        MinDepth = null,
        DepthRecoveryNs = null,
    };

    [Fact]
    public void Cascade_totals_pick_the_largest_cascade_and_count_recoveries()
    {
        CascadeSummary[] cs = [Cascade(1, 500, 2, 40, 0.01), Cascade(2, 900, 4, null, 0.03), Cascade(3, 100, 1, 5, 0.002)];

        using JsonDocument doc = JsonDocument.Parse(AnalysisSummary.OfCascades(cs).ToJson());
        JsonElement root = doc.RootElement;

        Assert.Equal(3, root.GetProperty("cascades").GetInt64());
        Assert.Equal(7, root.GetProperty("liquidations").GetInt64());
        Assert.Equal(1_500, root.GetProperty("total_notional").GetInt64());
        Assert.Equal(4, root.GetProperty("max_waves").GetInt64());
        Assert.Equal(0.03, root.GetProperty("max_peak_to_trough_rel").GetDouble());
        Assert.Equal(2, root.GetProperty("recovered_mid").GetInt64());
        Assert.Equal(2, root.GetProperty("largest").GetProperty("root_id").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("largest").GetProperty("amplification").ValueKind);
    }

    [Fact]
    public void No_cascades_give_zero_counts_and_a_null_largest()
    {
        using JsonDocument doc = JsonDocument.Parse(AnalysisSummary.OfCascades([]).ToJson());

        Assert.Equal(0, doc.RootElement.GetProperty("cascades").GetInt64());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("largest").ValueKind);
    }

    [Fact]
    public void Stylized_facts_section_has_its_documented_keys_in_order()
    {
        StylizedFactsReport report = StylizedFactsAnalyzer.Analyze(Samplers.StudentTs(5_000, 3, 1), new StylizedFactsOptions { MaxLag = 5, ClusteringLags = 3 });

        using JsonDocument doc = JsonDocument.Parse(AnalysisSummary.Of(report).ToJson());
        string[] keys = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();

        Assert.Equal(
            ["returns", "mean", "std_dev", "skewness", "excess_kurtosis", "hill", "hill_left", "hill_right", "hill_alpha_range",
             "hill_k_range", "noise_band", "return_acf", "abs_return_acf", "return_acf_share_outside_band",
             "abs_acf_decay_exponent", "abs_acf_decay_r_squared", "no_linear_autocorrelation", "volatility_clustering",
             "slow_decay_of_volatility_acf"],
            keys);
        Assert.Equal(report.Hill.Alpha, doc.RootElement.GetProperty("hill").GetProperty("alpha").GetDouble());
        Assert.Equal(6, doc.RootElement.GetProperty("return_acf").GetArrayLength());
    }

    [Fact]
    public void Impact_sections_carry_the_fit_values()
    {
        var fit = new SquareRootLawFit(0.5, 0.9, 0.01, 0.98, 17, 0.02, 0.95);
        var resilience = new ResilienceFit(0.4, 1.7e9, 0.002, 0.0005, 0.99, 40, true);

        using JsonDocument a = JsonDocument.Parse(AnalysisSummary.Of(fit).ToJson());
        using JsonDocument b = JsonDocument.Parse(AnalysisSummary.Of(resilience).ToJson());

        Assert.Equal(0.5, a.RootElement.GetProperty("exponent").GetDouble());
        Assert.Equal(17, a.RootElement.GetProperty("points").GetInt64());
        Assert.Equal(0.4, b.RootElement.GetProperty("decay_rate_per_s").GetDouble());
        Assert.True(b.RootElement.GetProperty("resolved").GetBoolean());
    }
}
