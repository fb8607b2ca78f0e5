namespace Microstructure.Analysis.Statistics;

/// <summary>A power law <c>y = Prefactor · x^Exponent</c> fitted as a straight line in log-log space.</summary>
/// <param name="Exponent">Slope in (ln x, ln y).</param>
/// <param name="Prefactor">exp(intercept in (ln x, ln y)).</param>
/// <param name="RSquared">R² of the log-log line.</param>
/// <param name="Count">Number of points with positive x and y that entered the fit.</param>
/// <param name="ExponentStandardError">Standard error of the exponent (NaN below 3 points).</param>
/// <param name="LogPrefactorStandardError">Standard error of ln(Prefactor) (NaN below 3 points).</param>
public readonly record struct PowerLawFit(
    double Exponent,
    double Prefactor,
    double RSquared,
    int Count,
    double ExponentStandardError,
    double LogPrefactorStandardError)
{
    /// <summary>True when the fit produced numbers (at least two usable points with distinct x).</summary>
    public bool IsDefined => !double.IsNaN(Exponent);

    /// <summary>Converts a line fitted to (ln x, ln y) into power-law terms.</summary>
    public static PowerLawFit FromLogLogLine(LinearFit line) =>
        new(line.Slope, Math.Exp(line.Intercept), line.RSquared, line.Count, line.SlopeStandardError,
            line.InterceptStandardError);

    /// <summary>The fitted value at <paramref name="x"/>.</summary>
    public double Evaluate(double x) => Prefactor * Math.Pow(x, Exponent);
}
