using Microstructure.Analysis.Series;
using Microstructure.Analysis.Statistics;

namespace Microstructure.Analysis.Impact;

/// <summary>
/// Kyle's (1985) λ: the slope of the regression Δm_k = c + λ·F_k of the mid change over a window on the signed
/// order flow F_k (buyer-initiated lots minus seller-initiated lots) in that window. Units: mid units per lot.
/// </summary>
public static class KyleLambda
{
    /// <summary>Regresses <paramref name="priceChanges"/> on <paramref name="signedFlow"/>; λ is the slope.</summary>
    public static LinearFit Estimate(ReadOnlySpan<double> priceChanges, ReadOnlySpan<double> signedFlow) =>
        LeastSquares.Fit(signedFlow, priceChanges);

    /// <summary>
    /// Aggregates trades into windows [start + k·w, start + (k+1)·w): the signed flow is the sum of the signed
    /// quantities of the trades inside, the price change is mid(end of window) − mid(start of window). Writes
    /// min(destination lengths, complete windows inside the mid series) windows and returns that count. O(n + m).
    /// </summary>
    /// <param name="tradeTimes">Trade times (ns), non-decreasing.</param>
    /// <param name="signedQuantities">+lots for buyer-initiated trades, −lots for seller-initiated.</param>
    /// <param name="mid">The mid series; must have a value at <paramref name="startNs"/>.</param>
    /// <param name="startNs">Start of the first window.</param>
    /// <param name="windowNs">Window length.</param>
    /// <param name="priceChanges">Receives Δm per window.</param>
    /// <param name="signedFlow">Receives F per window.</param>
    public static int Aggregate(
        ReadOnlySpan<long> tradeTimes,
        ReadOnlySpan<long> signedQuantities,
        StepSeries mid,
        long startNs,
        long windowNs,
        Span<double> priceChanges,
        Span<double> signedFlow)
    {
        ThrowHelper.ThrowIfLengthsDiffer(tradeTimes.Length, signedQuantities.Length, nameof(signedQuantities));
        int windows = Math.Min(priceChanges.Length, signedFlow.Length);
        windows = Math.Min(windows, Math.Max(0, mid.GridLength(startNs, windowNs) - 1));
        if (windows == 0)
        {
            return 0;
        }

        long[] grid = System.Buffers.ArrayPool<long>.Shared.Rent(windows + 1);
        try
        {
            mid.SampleOnGrid(startNs, windowNs, grid.AsSpan(0, windows + 1));
            int j = 0;
            while (j < tradeTimes.Length && tradeTimes[j] < startNs)
            {
                j++;
            }

            for (int k = 0; k < windows; k++)
            {
                long end = startNs + ((k + 1) * windowNs);
                long flow = 0;
                while (j < tradeTimes.Length && tradeTimes[j] < end)
                {
                    if (j > 0 && tradeTimes[j] < tradeTimes[j - 1])
                    {
                        ThrowHelper.ThrowArgument(nameof(tradeTimes), $"Trade time at index {j} goes backwards.");
                    }

                    flow += signedQuantities[j];
                    j++;
                }

                signedFlow[k] = flow;
                priceChanges[k] = grid[k + 1] - grid[k];
            }

            return windows;
        }
        finally
        {
            System.Buffers.ArrayPool<long>.Shared.Return(grid);
        }
    }

    /// <summary>Aggregates the tape into windows (<see cref="Aggregate"/>) over the whole mid series and fits λ.</summary>
    public static LinearFit FromTape(
        ReadOnlySpan<long> tradeTimes,
        ReadOnlySpan<long> signedQuantities,
        StepSeries mid,
        long startNs,
        long windowNs)
    {
        int windows = Math.Max(0, mid.GridLength(startNs, windowNs) - 1);
        var dp = new double[windows];
        var flow = new double[windows];
        int n = Aggregate(tradeTimes, signedQuantities, mid, startNs, windowNs, dp, flow);
        return Estimate(dp.AsSpan(0, n), flow.AsSpan(0, n));
    }
}
