namespace Microstructure.Analysis.Statistics;

/// <summary>An ordinary-least-squares line <c>y = Intercept + Slope·x</c> and its quality.</summary>
/// <param name="Slope">Fitted slope.</param>
/// <param name="Intercept">Fitted intercept.</param>
/// <param name="RSquared">Coefficient of determination 1 − SSR/SST (NaN when all y are equal).</param>
/// <param name="Count">Number of (x, y) points used.</param>
/// <param name="SlopeStandardError">√(SSR/(n−2)/Sxx); NaN for fewer than 3 points.</param>
/// <param name="InterceptStandardError">√(SSR/(n−2)·(1/n + x̄²/Sxx)); NaN for fewer than 3 points.</param>
public readonly record struct LinearFit(
    double Slope,
    double Intercept,
    double RSquared,
    int Count,
    double SlopeStandardError,
    double InterceptStandardError)
{
    /// <summary>No fit: fewer than two points, or all x equal.</summary>
    public static LinearFit Undefined(int count) =>
        new(double.NaN, double.NaN, double.NaN, count, double.NaN, double.NaN);

    /// <summary>True when slope and intercept are numbers (at least two points with distinct x).</summary>
    public bool IsDefined => !double.IsNaN(Slope);
}
