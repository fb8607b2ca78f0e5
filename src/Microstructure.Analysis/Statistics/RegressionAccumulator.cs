namespace Microstructure.Analysis.Statistics;

/// <summary>
/// Streaming least-squares accumulator (Welford's updates for means, variances and the covariance), so that a
/// fit over millions of points needs one pass and no buffer, and stays accurate when x and y have large means.
/// </summary>
public struct RegressionAccumulator
{
    private long _count;
    private double _meanX;
    private double _meanY;
    private double _sxx;
    private double _syy;
    private double _sxy;

    /// <summary>Number of points added.</summary>
    public readonly long Count => _count;

    /// <summary>Adds one point; non-finite coordinates are the caller's job to filter.</summary>
    public void Add(double x, double y)
    {
        _count++;
        double dx = x - _meanX;
        _meanX += dx / _count;
        double dy = y - _meanY;
        _meanY += dy / _count;
        // (x − new mean x) and (y − new mean y) complete the exact incremental sums of squares and products.
        _sxx += dx * (x - _meanX);
        _syy += dy * (y - _meanY);
        _sxy += dx * (y - _meanY);
    }

    /// <summary>The least-squares line through the points added so far.</summary>
    public readonly LinearFit Result()
    {
        int n = _count > int.MaxValue ? int.MaxValue : (int)_count;
        if (_count < 2 || _sxx <= 0)
        {
            return LinearFit.Undefined(n);
        }

        double slope = _sxy / _sxx;
        double intercept = _meanY - (slope * _meanX);
        double ssr = Math.Max(0, _syy - (slope * _sxy));
        double r2 = _syy > 0 ? 1 - (ssr / _syy) : double.NaN;
        double slopeSe = double.NaN;
        double interceptSe = double.NaN;
        if (_count > 2)
        {
            double residualVariance = ssr / (_count - 2);
            slopeSe = Math.Sqrt(residualVariance / _sxx);
            interceptSe = Math.Sqrt(residualVariance * ((1.0 / _count) + (_meanX * _meanX / _sxx)));
        }

        return new LinearFit(slope, intercept, r2, n, slopeSe, interceptSe);
    }
}
