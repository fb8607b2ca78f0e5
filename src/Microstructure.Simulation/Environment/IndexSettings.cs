namespace Microstructure.Simulation.Environment;

/// <summary>The index process's parameters in kernel units (see <see cref="IndexProcess"/>).</summary>
/// <param name="VolatilityPerSqrtSecond">σ of ln F per √second.</param>
/// <param name="DriftPerSecond">μ of ln F per second.</param>
/// <param name="UpdateIntervalNs">How often a new index is sent (ns).</param>
/// <param name="BookWeight">Weight w of this book's mid in the published index, in [0, 1].</param>
/// <param name="LagNs">How old the mid the index source sees is (ns; at least the kernel's lookahead).</param>
/// <param name="VolatilityOfVolatility">Standard deviation s of ln σ_t (0 = constant volatility).</param>
/// <param name="VolatilityTimescalesSeconds">Mean-reversion times of the OU components of ln σ_t.</param>
internal sealed record IndexSettings(
    double VolatilityPerSqrtSecond,
    double DriftPerSecond,
    long UpdateIntervalNs,
    double BookWeight,
    long LagNs,
    double VolatilityOfVolatility,
    IReadOnlyList<double> VolatilityTimescalesSeconds);
