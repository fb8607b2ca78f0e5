namespace Microstructure.Analysis.Impact;

/// <summary>The fit of <c>I(Q) = Y · σ · (Q/V)^δ</c> (Donier &amp; Bonart 2015: δ ≈ 0.5, Y of order 1).</summary>
/// <param name="Exponent">δ, the slope of ln I against ln(Q/V).</param>
/// <param name="Prefactor">Y = exp(intercept)/σ.</param>
/// <param name="ExponentStandardError">Standard error of δ from the log-log regression (NaN below 3 points).</param>
/// <param name="RSquared">R² of the log-log line.</param>
/// <param name="Count">Number of points (bins) with positive mean impact that entered the fit.</param>
/// <param name="Sigma">σ used to normalise the prefactor (volatility per window, same window as V).</param>
/// <param name="PrefactorAtSquareRoot">Y with δ fixed at ½: exp(mean of ln(I/(σ·√(Q/V)))) over the same points.</param>
public readonly record struct SquareRootLawFit(
    double Exponent,
    double Prefactor,
    double ExponentStandardError,
    double RSquared,
    int Count,
    double Sigma,
    double PrefactorAtSquareRoot)
{
    /// <summary>True when the fit produced numbers.</summary>
    public bool IsDefined => !double.IsNaN(Exponent);

    /// <summary>The fitted impact at a normalised size Q/V.</summary>
    public double Evaluate(double sizeOverVolume) => Prefactor * Sigma * Math.Pow(sizeOverVolume, Exponent);
}
