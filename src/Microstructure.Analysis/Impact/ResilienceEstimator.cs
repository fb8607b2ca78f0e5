using Microstructure.Analysis.Statistics;

namespace Microstructure.Analysis.Impact;

/// <summary>
/// Fits <see cref="ResilienceFit"/> to an impact profile by variable projection: for a given ρ the model is linear
/// in (I_∞, I_0 − I_∞), solved in closed form; the residual sum of squares is then minimised over ln ρ by a
/// 200-point grid and a golden-section refinement. Robust (no starting guess) and O(grid · L).
/// </summary>
public static class ResilienceEstimator
{
    private const int GridPoints = 200;
    private const double NsPerSecond = 1e9;

    /// <summary>
    /// Fits the decay to the profile points (lag ns, mean impact); non-finite impacts are skipped. ρ is searched
    /// between 0.1/τ_max and 10/τ_min (τ_min the smallest positive lag). Needs at least 3 usable points with
    /// distinct lags, else the fit is undefined (NaN).
    /// </summary>
    public static ResilienceFit Fit(ReadOnlySpan<long> lagsNs, ReadOnlySpan<double> impact)
    {
        ThrowHelper.ThrowIfLengthsDiffer(lagsNs.Length, impact.Length, nameof(impact));
        long minPositive = long.MaxValue, max = 0;
        int usable = 0;
        for (int i = 0; i < lagsNs.Length; i++)
        {
            if (lagsNs[i] < 0)
            {
                ThrowHelper.ThrowArgument(nameof(lagsNs), $"Lag at index {i} is negative.");
            }

            if (!double.IsFinite(impact[i]))
            {
                continue;
            }

            usable++;
            max = Math.Max(max, lagsNs[i]);
            if (lagsNs[i] > 0)
            {
                minPositive = Math.Min(minPositive, lagsNs[i]);
            }
        }

        if (usable < 3 || max == 0 || minPositive == max)
        {
            return new ResilienceFit(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, usable, false);
        }

        // Work in seconds so that ρ is in 1/s.
        double lo = Math.Log(0.1 / (max / NsPerSecond));
        double hi = Math.Log(10 / (minPositive / NsPerSecond));
        double step = (hi - lo) / (GridPoints - 1);
        int best = 0;
        double bestSse = double.PositiveInfinity;
        for (int g = 0; g < GridPoints; g++)
        {
            double sse = Sse(lagsNs, impact, Math.Exp(lo + (g * step)), out _);
            if (sse < bestSse)
            {
                bestSse = sse;
                best = g;
            }
        }

        double a = lo + (Math.Max(0, best - 1) * step);
        double b = lo + (Math.Min(GridPoints - 1, best + 1) * step);
        double logRho = GoldenSection(lagsNs, impact, a, b);
        double rho = Math.Exp(logRho);
        Sse(lagsNs, impact, rho, out LinearFit line);
        bool resolved = best > 0 && best < GridPoints - 1;
        double permanent = line.Intercept;
        double initial = line.Intercept + line.Slope;
        return new ResilienceFit(rho, Math.Log(2) / rho * NsPerSecond, initial, permanent, line.RSquared, line.Count, resolved);
    }

    /// <summary>Residual sum of squares of the best (I_∞, A) for a fixed ρ: regress I on e^(−ρτ).</summary>
    private static double Sse(ReadOnlySpan<long> lagsNs, ReadOnlySpan<double> impact, double rho, out LinearFit line)
    {
        var acc = default(RegressionAccumulator);
        for (int i = 0; i < lagsNs.Length; i++)
        {
            if (double.IsFinite(impact[i]))
            {
                acc.Add(Math.Exp(-rho * lagsNs[i] / NsPerSecond), impact[i]);
            }
        }

        line = acc.Result();
        if (!line.IsDefined)
        {
            return double.PositiveInfinity;
        }

        // SSE from the line: Σ(y − ŷ)², recomputed directly so that it does not depend on R² being defined.
        double sse = 0;
        for (int i = 0; i < lagsNs.Length; i++)
        {
            if (double.IsFinite(impact[i]))
            {
                double fitted = line.Intercept + (line.Slope * Math.Exp(-rho * lagsNs[i] / NsPerSecond));
                double r = impact[i] - fitted;
                sse += r * r;
            }
        }

        return sse;
    }

    private static double GoldenSection(ReadOnlySpan<long> lagsNs, ReadOnlySpan<double> impact, double a, double b)
    {
        double invPhi = (Math.Sqrt(5) - 1) / 2;
        double c = b - (invPhi * (b - a));
        double d = a + (invPhi * (b - a));
        double fc = Sse(lagsNs, impact, Math.Exp(c), out _);
        double fd = Sse(lagsNs, impact, Math.Exp(d), out _);
        for (int it = 0; it < 80 && b - a > 1e-10; it++)
        {
            if (fc < fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (invPhi * (b - a));
                fc = Sse(lagsNs, impact, Math.Exp(c), out _);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (invPhi * (b - a));
                fd = Sse(lagsNs, impact, Math.Exp(d), out _);
            }
        }

        return (a + b) / 2;
    }
}
