using Microstructure.Analysis.StylizedFacts;

namespace Microstructure.Analysis.Tests.StylizedFacts;

public sealed class AutocorrelationTests
{
    [Fact]
    public void AR1_autocorrelation_decays_as_phi_to_the_lag()
    {
        const double Phi = 0.6;
        double[] x = Samplers.Ar1(200_000, Phi, seed: 1);

        double[] acf = Autocorrelation.Compute(x, 5);

        Assert.Equal(1.0, acf[0]);
        for (int lag = 1; lag <= 5; lag++)
        {
            Assert.InRange(acf[lag], Math.Pow(Phi, lag) - 0.015, Math.Pow(Phi, lag) + 0.015);
        }
    }

    [Fact]
    public void Iid_noise_has_autocorrelations_inside_a_few_noise_bands()
    {
        double[] x = Samplers.Normals(50_000, seed: 2);
        double band = Autocorrelation.NoiseBand(x.Length);

        double[] acf = Autocorrelation.Compute(x, 30);

        int outside = 0;
        for (int lag = 1; lag <= 30; lag++)
        {
            Assert.InRange(acf[lag], -2 * band, 2 * band);
            outside += Math.Abs(acf[lag]) > band ? 1 : 0;
        }

        Assert.True(outside <= 5, $"{outside} of 30 lags outside the 95% band");
    }

    [Fact]
    public void Hand_computed_small_example()
    {
        // x = 1,2,3,4: mean 2.5, deviations −1.5 −0.5 0.5 1.5, Σd² = 5
        // lag 1: (−1.5·−0.5) + (−0.5·0.5) + (0.5·1.5) = 0.75 − 0.25 + 0.75 = 1.25 → 0.25
        double[] acf = Autocorrelation.Compute([1, 2, 3, 4], 4);

        Assert.Equal(0.25, acf[1], 12);
        Assert.Equal(((-1.5 * 0.5) + (-0.5 * 1.5)) / 5, acf[2], 12);
        Assert.Equal(0.0, acf[4]); // lag ≥ n
    }

    [Fact]
    public void Constant_series_has_undefined_autocorrelation()
    {
        double[] acf = Autocorrelation.Compute([3, 3, 3], 2);

        Assert.Equal(1.0, acf[0]);
        Assert.True(double.IsNaN(acf[1]));
    }

    [Fact]
    public void Noise_band_is_1_96_over_root_n()
    {
        Assert.Equal(1.96 / 100, Autocorrelation.NoiseBand(10_000), 12);
    }

    [Fact]
    public void Robust_band_matches_the_iid_band_for_iid_noise_and_widens_under_volatility_clustering()
    {
        double[] iid = Samplers.Normals(50_000, seed: 3);
        double[] clustered = Samplers.LongMemoryVolatility(50_000, seed: 3);
        var iidBands = new double[6];
        var clusteredBands = new double[6];

        Autocorrelation.RobustBands(iid, iidBands);
        Autocorrelation.RobustBands(clustered, clusteredBands);

        double band = Autocorrelation.NoiseBand(50_000);
        Assert.Equal(0.0, iidBands[0]);
        for (int lag = 1; lag < 6; lag++)
        {
            Assert.InRange(iidBands[lag], band * 0.95, band * 1.05);
            Assert.True(clusteredBands[lag] > band * 1.3, $"lag {lag}: {clusteredBands[lag]} vs {band}");
        }
    }
}
