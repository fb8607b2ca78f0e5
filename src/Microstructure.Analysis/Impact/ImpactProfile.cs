using Microstructure.Analysis.Series;

namespace Microstructure.Analysis.Impact;

/// <summary>
/// The average impact path after an order: <c>Ī(τ) = mean over orders of ε·ln(m(t + τ) / m_before)</c>, the
/// input of the transient-impact (resilience) fit.
/// </summary>
public static class ImpactProfile
{
    /// <summary>
    /// Writes Ī(τ_j) and the number of orders that contributed, for each lag τ_j. An order contributes at a lag
    /// when its MidBefore is known and the mid series has a positive value at t + τ (so orders too close to the
    /// end of the run drop out of the long lags). O(n·L·log m).
    /// </summary>
    public static void Average(
        ReadOnlySpan<MarketOrderImpact> orders,
        StepSeries mid,
        ReadOnlySpan<long> lagsNs,
        Span<double> meanImpact,
        Span<int> counts)
    {
        ThrowHelper.ThrowIfTooShort(meanImpact.Length, lagsNs.Length, nameof(meanImpact));
        ThrowHelper.ThrowIfTooShort(counts.Length, lagsNs.Length, nameof(counts));
        meanImpact[..lagsNs.Length].Clear();
        counts[..lagsNs.Length].Clear();
        foreach (ref readonly MarketOrderImpact order in orders)
        {
            if (order.MidBefore <= 0)
            {
                continue;
            }

            for (int j = 0; j < lagsNs.Length; j++)
            {
                if (mid.TryGetValueAt(order.TimeNs + lagsNs[j], out long m) && m > 0)
                {
                    meanImpact[j] += ImpactMeasures.SignedLogChange(order.Side, order.MidBefore, m);
                    counts[j]++;
                }
            }
        }

        for (int j = 0; j < lagsNs.Length; j++)
        {
            meanImpact[j] = counts[j] > 0 ? meanImpact[j] / counts[j] : double.NaN;
        }
    }
}
