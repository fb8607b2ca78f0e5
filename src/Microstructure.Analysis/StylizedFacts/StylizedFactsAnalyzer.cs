using System.Buffers;
using Microstructure.Analysis.Statistics;

namespace Microstructure.Analysis.StylizedFacts;

/// <summary>Computes the <see cref="StylizedFactsReport"/> of a return series in O(n log n + n·L).</summary>
public static class StylizedFactsAnalyzer
{
    /// <summary>Analyses <paramref name="returns"/> (e.g. from <see cref="LogReturns.FromSeries"/>).</summary>
    public static StylizedFactsReport Analyze(ReadOnlySpan<double> returns, StylizedFactsOptions? options = null)
    {
        options ??= StylizedFactsOptions.Default;
        options.Validate();

        double[] acf = Autocorrelation.Compute(returns, options.MaxLag);
        var absAcf = new double[options.MaxLag + 1];
        double[] magnitudes = ArrayPool<double>.Shared.Rent(Math.Max(1, returns.Length));
        try
        {
            Autocorrelation.Magnitudes(returns, magnitudes);
            Autocorrelation.Compute(magnitudes.AsSpan(0, returns.Length), absAcf);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(magnitudes);
        }

        double band = Autocorrelation.NoiseBand(returns.Length);
        var robustBands = new double[options.MaxLag + 1];
        Autocorrelation.RobustBands(returns, robustBands);
        double shareOutside = ShareOutsideBand(acf, options.LinearAcfFromLag, robustBands);
        PowerLawFit decay = FitDecay(absAcf);
        bool clustering = AllAboveBand(absAcf, options.ClusteringLags, band);
        double beta = -decay.Exponent;

        return new StylizedFactsReport
        {
            ReturnCount = returns.Length,
            Moments = SampleMoments.Of(returns),
            Hill = HillEstimator.Estimate(returns, options.TailFraction, TailSide.Both),
            HillLeft = HillEstimator.Estimate(returns, options.TailFraction, TailSide.Left),
            HillRight = HillEstimator.Estimate(returns, options.TailFraction, TailSide.Right),
            HillRange = HillEstimator.EstimateOverRange(
                returns, options.HillRangeMinFraction, options.HillRangeMaxFraction, options.HillRangePoints),
            ReturnAcf = acf,
            AbsoluteReturnAcf = absAcf,
            NoiseBand = band,
            ReturnAcfRobustBand = robustBands,
            ReturnAcfShareOutsideBand = shareOutside,
            AbsoluteAcfDecay = decay,
            NoLinearAutocorrelation = shareOutside <= options.MaxShareOutsideBand,
            VolatilityClustering = clustering,
            SlowDecayOfVolatilityAutocorrelation = clustering && decay.IsDefined && beta > 0 && beta < 1,
        };
    }

    /// <summary>Fits ρ(ℓ) ≈ A·ℓ^Exponent over the lags ℓ ≥ 1 whose ρ is positive.</summary>
    public static PowerLawFit FitDecay(ReadOnlySpan<double> acf)
    {
        var acc = default(RegressionAccumulator);
        for (int lag = 1; lag < acf.Length; lag++)
        {
            if (acf[lag] > 0)
            {
                acc.Add(Math.Log(lag), Math.Log(acf[lag]));
            }
        }

        return PowerLawFit.FromLogLogLine(acc.Result());
    }

    private static double ShareOutsideBand(ReadOnlySpan<double> acf, int fromLag, ReadOnlySpan<double> bands)
    {
        int outside = 0, total = 0;
        for (int lag = fromLag; lag < acf.Length; lag++)
        {
            total++;
            if (Math.Abs(acf[lag]) > bands[lag])
            {
                outside++;
            }
        }

        return total == 0 ? double.NaN : (double)outside / total;
    }

    private static bool AllAboveBand(ReadOnlySpan<double> acf, int lags, double band)
    {
        for (int lag = 1; lag <= lags && lag < acf.Length; lag++)
        {
            if (!(acf[lag] > band))
            {
                return false;
            }
        }

        return true;
    }
}
