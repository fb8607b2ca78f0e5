namespace Microstructure.Analysis.Impact;

/// <summary>One log-spaced bin of the impact curve.</summary>
/// <param name="Lower">Lower edge of the bin in Q/V (inclusive).</param>
/// <param name="Upper">Upper edge in Q/V (exclusive, except for the last bin).</param>
/// <param name="MeanSize">Mean Q/V of the orders in the bin.</param>
/// <param name="MeanImpact">Mean impact of the orders in the bin.</param>
/// <param name="StandardError">Standard error of <see cref="MeanImpact"/>: sample s.d./√n (NaN for one order).</param>
/// <param name="Count">Number of orders in the bin.</param>
public readonly record struct ImpactBin(
    double Lower,
    double Upper,
    double MeanSize,
    double MeanImpact,
    double StandardError,
    int Count);
