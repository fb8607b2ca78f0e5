using Microstructure.Analysis.Series;
using Microstructure.Analysis.Statistics;
using Microstructure.Analysis.StylizedFacts;

namespace Microstructure.Analysis.Impact;

/// <summary>The normalisers of the impact law: V (volume per window) and σ (volatility per window).</summary>
public static class ImpactScale
{
    /// <summary>V = total traded volume × window / duration: the mean volume traded per window, in lots.</summary>
    public static double VolumePerWindow(long totalVolume, long durationNs, long windowNs)
    {
        if (durationNs <= 0 || windowNs <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(durationNs), "Duration and window must be positive.");
        }

        return (double)totalVolume * windowNs / durationNs;
    }

    /// <summary>
    /// σ = sample standard deviation of the non-overlapping log returns of <paramref name="mid"/> over windows of
    /// <paramref name="windowNs"/> from <paramref name="startNs"/>; NaN with fewer than two windows.
    /// </summary>
    public static double VolatilityPerWindow(StepSeries mid, long startNs, long windowNs) =>
        SampleMoments.Of(LogReturns.FromSeries(mid, startNs, windowNs)).StandardDeviation;
}
