using Microstructure.Analysis.StylizedFacts;

namespace Microstructure.Analysis.Tests.StylizedFacts;

public sealed class StylizedFactsAnalyzerTests
{
    [Fact]
    public void Iid_gaussian_returns_show_no_clustering_no_linear_autocorrelation_and_thin_tails()
    {
        StylizedFactsReport report = StylizedFactsAnalyzer.Analyze(Samplers.Normals(50_000, 8));

        Assert.True(report.NoLinearAutocorrelation);
        Assert.False(report.VolatilityClustering);
        Assert.False(report.SlowDecayOfVolatilityAutocorrelation);
        Assert.True(report.Hill.Alpha > 5);
        Assert.Equal(51, report.ReturnAcf.Count);
        Assert.Equal(51, report.AbsoluteReturnAcf.Count);
    }

    [Fact]
    public void Long_memory_volatility_shows_clustering_with_slow_power_law_decay()
    {
        double[] r = Samplers.LongMemoryVolatility(100_000, 3);

        StylizedFactsReport report = StylizedFactsAnalyzer.Analyze(r);

        Assert.True(report.NoLinearAutocorrelation, $"share outside {report.ReturnAcfShareOutsideBand}");
        Assert.True(report.VolatilityClustering);
        Assert.True(report.SlowDecayOfVolatilityAutocorrelation, $"beta {report.AbsoluteAcfDecayExponent}");
        Assert.InRange(report.AbsoluteAcfDecayExponent, 0.05, 0.9);
        Assert.True(report.Moments.ExcessKurtosis > 1);
    }

    [Fact]
    public void Student_t_returns_report_the_tail_index_and_its_range()
    {
        StylizedFactsReport report = StylizedFactsAnalyzer.Analyze(Samplers.StudentTs(100_000, 3, 6));

        Assert.InRange(report.Hill.Alpha, 2.6, 3.4);
        Assert.InRange(report.HillLeft.Alpha, 2.4, 3.6);
        Assert.InRange(report.HillRight.Alpha, 2.4, 3.6);
        Assert.NotEmpty(report.HillRange);
    }

    [Fact]
    public void Power_law_decay_fit_recovers_a_known_exponent()
    {
        var acf = new double[41];
        acf[0] = 1;
        for (int lag = 1; lag < acf.Length; lag++)
        {
            acf[lag] = 0.3 * Math.Pow(lag, -0.25);
        }

        var fit = StylizedFactsAnalyzer.FitDecay(acf);

        Assert.Equal(-0.25, fit.Exponent, 10);
        Assert.Equal(0.3, fit.Prefactor, 10);
        Assert.Equal(40, fit.Count);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            StylizedFactsAnalyzer.Analyze([1.0, 2.0], new StylizedFactsOptions { MaxLag = 5, ClusteringLags = 6 }));
    }
}
