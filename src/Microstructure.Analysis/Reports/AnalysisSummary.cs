using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Statistics;
using Microstructure.Analysis.StylizedFacts;
using Microstructure.Engine;

namespace Microstructure.Analysis.Reports;

/// <summary>
/// The <c>summary.json</c> sections of the analysis results, with fixed snake_case keys in a fixed order, so that
/// every run directory's summary has the same shape (documented in docs/analysis.md).
/// </summary>
public static class AnalysisSummary
{
    /// <summary>A Hill estimate: alpha, k, tail_count, threshold, std_error.</summary>
    public static JsonSummary Of(HillEstimate hill) => new JsonSummary()
        .Add("alpha", hill.Alpha)
        .Add("k", (long)hill.K)
        .Add("tail_count", (long)hill.TailCount)
        .Add("threshold", hill.Threshold)
        .Add("std_error", hill.StandardError);

    /// <summary>The stylized facts (without the full Hill range, which goes to a table).</summary>
    public static JsonSummary Of(StylizedFactsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new JsonSummary()
            .Add("returns", (long)report.ReturnCount)
            .Add("mean", report.Moments.Mean)
            .Add("std_dev", report.Moments.StandardDeviation)
            .Add("skewness", report.Moments.Skewness)
            .Add("excess_kurtosis", report.Moments.ExcessKurtosis)
            .Add("hill", Of(report.Hill))
            .Add("hill_left", Of(report.HillLeft))
            .Add("hill_right", Of(report.HillRight))
            .Add("hill_alpha_range", [.. report.HillRange.Select(h => h.Alpha)])
            .Add("hill_k_range", [.. report.HillRange.Select(h => (long)h.K)])
            .Add("noise_band", report.NoiseBand)
            .Add("return_acf", report.ReturnAcf)
            .Add("abs_return_acf", report.AbsoluteReturnAcf)
            .Add("return_acf_share_outside_band", report.ReturnAcfShareOutsideBand)
            .Add("abs_acf_decay_exponent", report.AbsoluteAcfDecayExponent)
            .Add("abs_acf_decay_r_squared", report.AbsoluteAcfDecay.RSquared)
            .Add("no_linear_autocorrelation", report.NoLinearAutocorrelation)
            .Add("volatility_clustering", report.VolatilityClustering)
            .Add("slow_decay_of_volatility_acf", report.SlowDecayOfVolatilityAutocorrelation);
    }

    /// <summary>The square-root-law fit.</summary>
    public static JsonSummary Of(SquareRootLawFit fit) => new JsonSummary()
        .Add("exponent", fit.Exponent)
        .Add("exponent_std_error", fit.ExponentStandardError)
        .Add("prefactor", fit.Prefactor)
        .Add("prefactor_at_square_root", fit.PrefactorAtSquareRoot)
        .Add("sigma", fit.Sigma)
        .Add("r_squared", fit.RSquared)
        .Add("points", (long)fit.Count);

    /// <summary>A regression line, e.g. Kyle's λ (slope, in mid units per lot).</summary>
    public static JsonSummary Of(LinearFit fit) => new JsonSummary()
        .Add("slope", fit.Slope)
        .Add("slope_std_error", fit.SlopeStandardError)
        .Add("intercept", fit.Intercept)
        .Add("r_squared", fit.RSquared)
        .Add("points", (long)fit.Count);

    /// <summary>The transient-impact (resilience) fit.</summary>
    public static JsonSummary Of(ResilienceFit fit) => new JsonSummary()
        .Add("decay_rate_per_s", fit.DecayRatePerSecond)
        .Add("half_life_ns", fit.HalfLifeNs)
        .Add("initial_impact", fit.InitialImpact)
        .Add("permanent_impact", fit.PermanentImpact)
        .Add("r_squared", fit.RSquared)
        .Add("points", (long)fit.Count)
        .Add("resolved", fit.IsResolved);

    /// <summary>One cascade.</summary>
    public static JsonSummary Of(CascadeSummary c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new JsonSummary()
            .Add("root_id", c.RootId)
            .Add("start_ns", c.StartNs)
            .Add("end_ns", c.EndNs)
            .Add("count", (long)c.Count)
            .Add("waves", (long)c.Waves)
            .Add("total_notional", c.TotalNotional)
            .Add("direction", c.Direction == Side.Buy ? "buy" : "sell")
            .Add("peak_to_trough", c.PeakToTrough)
            .Add("peak_to_trough_rel", c.PeakToTroughRelative)
            .Add("amplification", c.Amplification)
            .Add("mid_recovery_ns", c.MidRecoveryNs)
            .Add("depth_recovery_ns", c.DepthRecoveryNs);
    }

    /// <summary>
    /// Totals over all cascades plus the largest one (by notional): cascades, liquidations, total_notional,
    /// max_waves, max_peak_to_trough_rel, recovered_mid (count), largest.
    /// </summary>
    public static JsonSummary OfCascades(IReadOnlyList<CascadeSummary> cascades)
    {
        ArgumentNullException.ThrowIfNull(cascades);
        long liquidations = 0, notional = 0, maxWaves = 0, recovered = 0;
        double maxMove = double.NaN;
        CascadeSummary? largest = null;
        foreach (CascadeSummary c in cascades)
        {
            liquidations += c.Count;
            notional = checked(notional + c.TotalNotional);
            maxWaves = Math.Max(maxWaves, c.Waves);
            recovered += c.MidRecoveryNs is null ? 0 : 1;
            maxMove = double.IsNaN(maxMove) ? c.PeakToTroughRelative : Math.Max(maxMove, c.PeakToTroughRelative);
            if (largest is null || c.TotalNotional > largest.TotalNotional)
            {
                largest = c;
            }
        }

        JsonSummary summary = new JsonSummary()
            .Add("cascades", (long)cascades.Count)
            .Add("liquidations", liquidations)
            .Add("total_notional", notional)
            .Add("max_waves", maxWaves)
            .Add("max_peak_to_trough_rel", maxMove)
            .Add("recovered_mid", recovered);
        return largest is null ? summary.Add("largest", (string?)null) : summary.Add("largest", Of(largest));
    }
}
