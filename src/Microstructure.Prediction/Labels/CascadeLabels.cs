using Microstructure.Analysis.Cascades;

namespace Microstructure.Prediction.Labels;

/// <summary>
/// The label of a sample at time t: "a cascade with at least X liquidated notional starts within (t, t + H]". A
/// cascade is the project's own: a tree of <see cref="CascadeForest"/> (docs/outputs.md §5.2), its start the trigger
/// time of its root, its notional Σ of its members' liquidated notional (the <c>cascades</c> table's
/// <c>start_ns</c> and <c>total_notional</c>).
/// </summary>
internal static class CascadeLabels
{
    /// <summary>Start times of the cascades of <paramref name="records"/> with total notional ≥ <paramref name="minNotional"/>, ascending.</summary>
    public static long[] QualifyingStarts(ReadOnlySpan<LiquidationRecord> records, long minNotional)
    {
        CascadeForest forest = CascadeForest.Build(records);
        var starts = new List<long>();
        for (int tree = 0; tree < forest.TreeCount; tree++)
        {
            long total = 0;
            foreach (int member in forest.Members(tree))
            {
                total = checked(total + records[member].Notional);
            }

            if (total >= minNotional)
            {
                starts.Add(records[forest.Roots[tree]].TimeNs);
            }
        }

        starts.Sort();
        return [.. starts];
    }

    /// <summary>
    /// For each sample time (ascending), the first qualifying start s with t &lt; s ≤ t + <paramref name="horizonNs"/>,
    /// or null (a negative sample). O(samples + starts).
    /// </summary>
    public static long?[] NextStartWithin(ReadOnlySpan<long> sampleTimes, ReadOnlySpan<long> starts, long horizonNs)
    {
        var result = new long?[sampleTimes.Length];
        int j = 0;
        for (int i = 0; i < sampleTimes.Length; i++)
        {
            long t = sampleTimes[i];
            if (i > 0 && t < sampleTimes[i - 1])
            {
                throw new ArgumentException("Sample times must be ascending.", nameof(sampleTimes));
            }

            while (j < starts.Length && starts[j] <= t)
            {
                j++;
            }

            result[i] = j < starts.Length && starts[j] - t <= horizonNs ? starts[j] : null;
        }

        return result;
    }
}
