using System.Globalization;

namespace Microstructure.Runner.Sweeps;

/// <summary>
/// Latin-hypercube points over ranges: each range is cut into N equal strata and every stratum of every range is used
/// by exactly one point, the pairing shuffled — N points cover every range evenly, which a grid of N points cannot do
/// in more than one dimension. A range whose bounds are both written as whole numbers yields whole numbers (counts,
/// quantities). Deterministic for a seed (the sampler's own generator, not the runtime's).
/// </summary>
internal static class LatinHypercube
{
    /// <summary>Draws <paramref name="count"/> points; each parameter's two values are its range [low, high].</summary>
    /// <exception cref="ArgumentException">A parameter is not two numbers with low ≤ high.</exception>
    public static List<IReadOnlyList<KeyValuePair<string, string>>> Sample(IReadOnlyList<SweepParameter> ranges, int count, long seed)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new SplitMix(seed);
        var columns = new List<string[]>();
        foreach (var range in ranges)
        {
            var (low, high, whole) = Bounds(range);
            int[] strata = Enumerable.Range(0, count).ToArray();
            for (int i = count - 1; i > 0; i--)
            {
                int j = (int)(random.Next() % (ulong)(i + 1));
                (strata[i], strata[j]) = (strata[j], strata[i]);
            }

            columns.Add([.. strata.Select(s =>
            {
                double value = low + ((high - low) * (s + random.NextDouble()) / count);
                return whole
                    ? Math.Round(value, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)
                    : value.ToString("R", CultureInfo.InvariantCulture);
            })]);
        }

        return [.. Enumerable.Range(0, count).Select(i =>
            (IReadOnlyList<KeyValuePair<string, string>>)[.. ranges.Select((r, d) => new KeyValuePair<string, string>(r.Path, columns[d][i]))])];
    }

    private static (double Low, double High, bool Whole) Bounds(SweepParameter range)
    {
        if (range.Values.Count != 2
            || !double.TryParse(range.Values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double low)
            || !double.TryParse(range.Values[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double high)
            || !double.IsFinite(low) || !double.IsFinite(high) || low > high)
        {
            throw new ArgumentException($"{range.Path}: a sampled range must be LOW..HIGH with LOW ≤ HIGH, numbers; got {string.Join("..", range.Values)}");
        }

        bool whole = range.Values.All(v => v.All(c => char.IsAsciiDigit(c) || c == '-'));
        return (low, high, whole);
    }

    /// <summary>SplitMix64: a tiny generator whose sequence no runtime version changes.</summary>
    private sealed class SplitMix(long seed)
    {
        private ulong _state = unchecked((ulong)seed);

        public ulong Next()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
    }
}
