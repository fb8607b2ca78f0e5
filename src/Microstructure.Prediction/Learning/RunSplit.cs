namespace Microstructure.Prediction.Learning;

/// <summary>
/// The train/test split BY RUN: the distinct run keys in ordinal order, shuffled by a fixed-seed SplitMix64
/// Fisher–Yates, the first ⌈fraction × runs⌉ held out. A run is wholly on one side; the same keys and seed give the
/// same split on every machine (no library RNG involved).
/// </summary>
internal static class RunSplit
{
    /// <summary>Held-out share of the runs.</summary>
    public const double DefaultTestFraction = 0.25;

    /// <summary>Splits <paramref name="runs"/> (duplicates ignored); both sides are non-empty.</summary>
    /// <exception cref="PredictionInputException">Fewer than two distinct runs.</exception>
    public static (string[] Train, string[] Test) Split(IEnumerable<string> runs, ulong seed, double testFraction = DefaultTestFraction)
    {
        string[] keys = [.. runs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (keys.Length < 2)
        {
            throw new PredictionInputException($"the dataset holds {keys.Length} run(s); a split by run needs at least 2 (sweep more seeds)");
        }

        ulong state = seed;
        for (int i = keys.Length - 1; i > 0; i--)
        {
            int j = (int)(Next(ref state) % (ulong)(i + 1));
            (keys[i], keys[j]) = (keys[j], keys[i]);
        }

        int test = Math.Clamp((int)Math.Ceiling(testFraction * keys.Length), 1, keys.Length - 1);
        return ([.. keys[test..].Order(StringComparer.Ordinal)], [.. keys[..test].Order(StringComparer.Ordinal)]);
    }

    private static ulong Next(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
