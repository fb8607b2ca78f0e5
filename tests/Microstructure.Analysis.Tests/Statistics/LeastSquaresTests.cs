using Microstructure.Analysis.Statistics;

namespace Microstructure.Analysis.Tests.Statistics;

public sealed class LeastSquaresTests
{
    [Fact]
    public void Exact_line_is_recovered_with_zero_standard_error_and_unit_r_squared()
    {
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [3, 5, 7, 9, 11];

        LinearFit fit = LeastSquares.Fit(x, y);

        Assert.Equal(2.0, fit.Slope, 12);
        Assert.Equal(1.0, fit.Intercept, 12);
        Assert.Equal(1.0, fit.RSquared, 12);
        Assert.Equal(5, fit.Count);
        Assert.Equal(0.0, fit.SlopeStandardError, 9);
    }

    [Fact]
    public void Standard_errors_match_the_textbook_formulas_on_a_hand_computed_example()
    {
        // x̄ = 2, ȳ = 2, Sxx = 2, Sxy = 3, slope = 1.5, intercept = −1, residuals (1/6·…): SSR = 1/6 · … computed below.
        double[] x = [1, 2, 3];
        double[] y = [0, 3, 3];

        LinearFit fit = LeastSquares.Fit(x, y);

        // Residuals: 0 − 0.5 = −0.5, 3 − 2 = 1, 3 − 3.5 = −0.5 → SSR = 1.5; σ² = SSR/(n−2) = 1.5.
        Assert.Equal(1.5, fit.Slope, 12);
        Assert.Equal(-1.0, fit.Intercept, 12);
        Assert.Equal(Math.Sqrt(1.5 / 2), fit.SlopeStandardError, 12);
        Assert.Equal(Math.Sqrt(1.5 * ((1.0 / 3) + (4.0 / 2))), fit.InterceptStandardError, 12);
        Assert.Equal(1 - (1.5 / 6), fit.RSquared, 12); // SST = Σ(y − 2)² = 4 + 1 + 1 = 6
    }

    [Fact]
    public void Fewer_than_two_distinct_x_give_an_undefined_fit()
    {
        Assert.False(LeastSquares.Fit([1.0], [2.0]).IsDefined);
        Assert.False(LeastSquares.Fit([1.0, 1.0, 1.0], [2.0, 3.0, 4.0]).IsDefined);
    }

    [Fact]
    public void Non_finite_pairs_are_skipped()
    {
        LinearFit fit = LeastSquares.Fit([1, 2, double.NaN, 3], [2, 4, 100, 6]);

        Assert.Equal(3, fit.Count);
        Assert.Equal(2.0, fit.Slope, 12);
    }

    [Fact]
    public void Power_law_fit_recovers_exponent_and_prefactor_and_skips_non_positive_points()
    {
        double[] x = [0.01, 0.1, 1, 10, 100, -1, 5];
        double[] y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = 0.7 * Math.Pow(Math.Abs(x[i]), 0.5);
        }

        y[^1] = 0; // not loggable

        PowerLawFit fit = LeastSquares.FitPowerLaw(x, y);

        Assert.Equal(5, fit.Count);
        Assert.Equal(0.5, fit.Exponent, 10);
        Assert.Equal(0.7, fit.Prefactor, 10);
        Assert.Equal(0.7 * Math.Sqrt(4), fit.Evaluate(4), 10);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => LeastSquares.Fit([1.0, 2.0], [1.0]));
    }
}
