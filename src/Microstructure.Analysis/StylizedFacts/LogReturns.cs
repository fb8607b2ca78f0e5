using Microstructure.Analysis.Series;

namespace Microstructure.Analysis.StylizedFacts;

/// <summary>Log returns of an integer price series sampled on a regular time grid.</summary>
public static class LogReturns
{
    /// <summary>Number of non-overlapping returns at <paramref name="horizon"/> grid steps from <paramref name="priceCount"/> prices.</summary>
    public static int Count(int priceCount, int horizon)
    {
        if (horizon <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(horizon), "The horizon must be at least one grid step.");
        }

        return priceCount <= horizon ? 0 : (priceCount - 1) / horizon;
    }

    /// <summary>
    /// Non-overlapping log returns <c>r_k = ln p[(k+1)h] − ln p[kh]</c> of grid-sampled prices. Prices are in any
    /// positive integer unit (ticks, half-ticks): the unit cancels in the ratio. Returns the number written,
    /// <see cref="Count"/>(prices.Length, horizon).
    /// </summary>
    /// <exception cref="ArgumentException">A price used is not positive (an empty book side has no mid); the index is named.</exception>
    public static int Compute(ReadOnlySpan<long> prices, int horizon, Span<double> destination)
    {
        int count = Count(prices.Length, horizon);
        ThrowHelper.ThrowIfTooShort(destination.Length, count, nameof(destination));
        if (count == 0)
        {
            return 0;
        }

        double previous = LogOf(prices, 0);
        for (int k = 0; k < count; k++)
        {
            double next = LogOf(prices, (k + 1) * horizon);
            destination[k] = next - previous;
            previous = next;
        }

        return count;
    }

    /// <summary>
    /// Samples <paramref name="prices"/> every <paramref name="stepNs"/> from <paramref name="startNs"/> to its end and
    /// returns the non-overlapping log returns at <paramref name="horizon"/> steps (horizon·step ns each).
    /// </summary>
    public static double[] FromSeries(StepSeries prices, long startNs, long stepNs, int horizon = 1)
    {
        int gridLength = prices.GridLength(startNs, stepNs);
        long[] grid = System.Buffers.ArrayPool<long>.Shared.Rent(Math.Max(1, gridLength));
        try
        {
            int sampled = prices.SampleOnGrid(startNs, stepNs, grid.AsSpan(0, gridLength));
            var returns = new double[Count(sampled, horizon)];
            Compute(grid.AsSpan(0, sampled), horizon, returns);
            return returns;
        }
        finally
        {
            System.Buffers.ArrayPool<long>.Shared.Return(grid);
        }
    }

    private static double LogOf(ReadOnlySpan<long> prices, int index)
    {
        long p = prices[index];
        if (p <= 0)
        {
            ThrowHelper.ThrowArgument(nameof(prices), $"Price at grid index {index} is {p}; log returns need positive prices.");
        }

        return Math.Log(p);
    }
}
