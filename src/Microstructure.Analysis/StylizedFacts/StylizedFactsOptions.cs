namespace Microstructure.Analysis.StylizedFacts;

/// <summary>Estimator settings for <see cref="StylizedFactsAnalyzer"/>; every default is documented in docs/analysis.md.</summary>
public sealed record StylizedFactsOptions
{
    /// <summary>The defaults.</summary>
    public static StylizedFactsOptions Default { get; } = new();

    /// <summary>Largest lag L of the autocorrelation functions (default 50).</summary>
    public int MaxLag { get; init; } = 50;

    /// <summary>Hill tail fraction k/n for the headline estimate (default <see cref="HillEstimator.DefaultTailFraction"/>).</summary>
    public double TailFraction { get; init; } = HillEstimator.DefaultTailFraction;

    /// <summary>Smallest tail fraction of the Hill robustness range (default 0.5%).</summary>
    public double HillRangeMinFraction { get; init; } = 0.005;

    /// <summary>Largest tail fraction of the Hill robustness range (default 15%).</summary>
    public double HillRangeMaxFraction { get; init; } = 0.15;

    /// <summary>Number of log-spaced k in the Hill robustness range (default 20).</summary>
    public int HillRangePoints { get; init; } = 20;

    /// <summary>Lags 1 … this many must all show |r| autocorrelation above the noise band to call it clustering (default 10).</summary>
    public int ClusteringLags { get; init; } = 10;

    /// <summary>First lag checked for the absence of linear autocorrelation (default 2: lag 1 may show bid-ask bounce).</summary>
    public int LinearAcfFromLag { get; init; } = 2;

    /// <summary>
    /// Largest share of lags whose return autocorrelation may leave its 95% band and still count as "none"
    /// (default 20%: with 49 lags of iid noise, 5% leave the band on average and more than 20% only with
    /// probability ≈ 0.2%).
    /// </summary>
    public double MaxShareOutsideBand { get; init; } = 0.20;

    internal void Validate()
    {
        if (MaxLag < 1)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(MaxLag), "MaxLag must be at least 1.");
        }

        if (ClusteringLags < 1 || ClusteringLags > MaxLag)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(ClusteringLags), "ClusteringLags must lie in 1 … MaxLag.");
        }

        if (LinearAcfFromLag < 1 || LinearAcfFromLag > MaxLag)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(LinearAcfFromLag), "LinearAcfFromLag must lie in 1 … MaxLag.");
        }
    }
}
