using Microstructure.Analysis.Statistics;

namespace Microstructure.Analysis.StylizedFacts;

/// <summary>The stylized facts of one return series (Cont 2001); definitions in docs/analysis.md.</summary>
public sealed record StylizedFactsReport
{
    /// <summary>Number of returns analysed.</summary>
    public required int ReturnCount { get; init; }

    /// <summary>Mean, standard deviation, skewness and excess kurtosis of the returns.</summary>
    public required SampleMoments Moments { get; init; }

    /// <summary>Hill estimate of both tails pooled (|r|) at the configured tail fraction.</summary>
    public required HillEstimate Hill { get; init; }

    /// <summary>Hill estimate of the loss tail.</summary>
    public required HillEstimate HillLeft { get; init; }

    /// <summary>Hill estimate of the gain tail.</summary>
    public required HillEstimate HillRight { get; init; }

    /// <summary>Hill estimates of |r| over a range of k (robustness).</summary>
    public required IReadOnlyList<HillEstimate> HillRange { get; init; }

    /// <summary>ρ_r(ℓ), ℓ = 0 … MaxLag.</summary>
    public required IReadOnlyList<double> ReturnAcf { get; init; }

    /// <summary>ρ_|r|(ℓ), ℓ = 0 … MaxLag.</summary>
    public required IReadOnlyList<double> AbsoluteReturnAcf { get; init; }

    /// <summary>95% band half-width for iid noise, 1.96/√n.</summary>
    public required double NoiseBand { get; init; }

    /// <summary>Heteroskedasticity-robust 95% band half-width of ρ_r(ℓ) per lag (see <see cref="Autocorrelation.RobustBands"/>).</summary>
    public required IReadOnlyList<double> ReturnAcfRobustBand { get; init; }

    /// <summary>Share of lags LinearAcfFromLag … MaxLag with |ρ_r(ℓ)| above its robust band.</summary>
    public required double ReturnAcfShareOutsideBand { get; init; }

    /// <summary>Power law ρ_|r|(ℓ) ≈ A·ℓ^(−β) fitted over lags 1 … MaxLag with positive ρ; β = −Exponent.</summary>
    public required PowerLawFit AbsoluteAcfDecay { get; init; }

    /// <summary>β, the decay exponent of the |r| autocorrelation (Cont reports 0.2–0.4 for stocks).</summary>
    public double AbsoluteAcfDecayExponent => -AbsoluteAcfDecay.Exponent;

    /// <summary>True when the share of return-ACF lags outside the band is at most the configured maximum.</summary>
    public required bool NoLinearAutocorrelation { get; init; }

    /// <summary>True when ρ_|r|(ℓ) exceeds the noise band at every lag 1 … ClusteringLags.</summary>
    public required bool VolatilityClustering { get; init; }

    /// <summary>True when clustering holds and the fitted decay exponent β lies in (0, 1): slower than 1/ℓ.</summary>
    public required bool SlowDecayOfVolatilityAutocorrelation { get; init; }
}
