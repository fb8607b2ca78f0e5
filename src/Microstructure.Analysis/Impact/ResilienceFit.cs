namespace Microstructure.Analysis.Impact;

/// <summary>
/// Transient impact decay in the Obizhaeva–Wang (2013) form <c>I(τ) = I_∞ + (I_0 − I_∞)·e^(−ρτ)</c>: the book
/// replenishes at resilience rate ρ, leaving the permanent part I_∞.
/// </summary>
/// <param name="DecayRatePerSecond">ρ in 1/s.</param>
/// <param name="HalfLifeNs">ln 2 / ρ, in ns: time for the transient part to halve.</param>
/// <param name="InitialImpact">I_0, the fitted impact at τ = 0.</param>
/// <param name="PermanentImpact">I_∞, the fitted level the impact decays to.</param>
/// <param name="RSquared">R² of the fit over the profile points.</param>
/// <param name="Count">Number of profile points used.</param>
/// <param name="IsResolved">False when the best ρ lies at the edge of the searched range (decay faster than the
/// first lag or slower than the last: the data cannot pin ρ down).</param>
public readonly record struct ResilienceFit(
    double DecayRatePerSecond,
    double HalfLifeNs,
    double InitialImpact,
    double PermanentImpact,
    double RSquared,
    int Count,
    bool IsResolved)
{
    /// <summary>True when the fit produced numbers.</summary>
    public bool IsDefined => !double.IsNaN(DecayRatePerSecond);

    /// <summary>The fitted impact at lag <paramref name="lagNs"/>.</summary>
    public double Evaluate(double lagNs) =>
        PermanentImpact + ((InitialImpact - PermanentImpact) * Math.Exp(-DecayRatePerSecond * lagNs / 1e9));
}
