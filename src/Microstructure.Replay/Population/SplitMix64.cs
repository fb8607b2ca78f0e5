namespace Microstructure.Replay.Population;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014): a tiny generator whose sequence for a seed is fixed by its definition,
/// so a population drawn from a seed is the same on every runtime and machine (System.Random promises less).
/// </summary>
internal struct SplitMix64(long seed)
{
    private ulong _state = (ulong)seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [min, max] (inclusive), by rejection so that no value is favoured.</summary>
    public long Between(long min, long max)
    {
        var range = (ulong)(max - min) + 1;
        if (range == 0)
        {
            return (long)Next();
        }

        var limit = ulong.MaxValue - (ulong.MaxValue % range);
        ulong x;
        do
        {
            x = Next();
        }
        while (x >= limit);

        return min + (long)(x % range);
    }
}
