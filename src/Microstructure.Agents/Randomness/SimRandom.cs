using System.Numerics;
using System.Runtime.CompilerServices;

namespace Microstructure.Agents.Randomness;

/// <summary>
/// A seeded pseudo-random stream (xoshiro256**, Blackman and Vigna 2018) with the draws agents and the kernel need.
/// Its own algorithm, not <see cref="Random"/>, so a seed gives the same numbers on every .NET version and machine.
/// </summary>
/// <remarks>
/// Every agent owns one stream (and the kernel one per agent for latency jitter), derived from the run's seed and a
/// stream number with <see cref="ForStream"/>: adding an agent does not shift the numbers any other agent sees. Not
/// thread-safe; one stream per thread of use.
/// </remarks>
public sealed class SimRandom
{
    private const double DoubleUnit = 1.0 / (1UL << 53);
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the state with SplitMix64 from <paramref name="seed"/> (never all zero).</summary>
    /// <param name="seed">Any 64-bit value.</param>
    public SimRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The stream number <paramref name="stream"/> of run seed <paramref name="seed"/>.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="stream">A stream number unique within the run (a run uses the agent index for agents, 2⁴⁰ + i for latency jitter and 2⁴¹ for the index process).</param>
    public static SimRandom ForStream(long seed, long stream)
    {
        ulong x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ unchecked((ulong)stream * 0xD1B54A32D192ED03UL);
        ulong mixed = SplitMix(ref x);
        return new SimRandom(mixed ^ unchecked((ulong)stream));
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * DoubleUnit;

    /// <summary>Uniform in (0, 1]: safe to take the logarithm of.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 1) * DoubleUnit;

    /// <summary>Uniform integer in [0, <paramref name="count"/>) (Lemire's multiply-shift with rejection, unbiased).</summary>
    /// <param name="count">Number of outcomes, ≥ 1.</param>
    public int NextInt(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ulong bound = (ulong)count;
        ulong product = Math.BigMul(NextUInt64(), bound, out ulong low);
        if (low < bound)
        {
            ulong threshold = (0UL - bound) % bound;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return (int)product;
    }

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool NextBool(double probability) => NextDouble() < probability;

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double NextUniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Exponential with the given mean (the waiting time of a Poisson process of rate 1/mean).</summary>
    public double NextExponential(double mean) => -mean * Math.Log(NextOpenDouble());

    /// <summary>Standard normal (Box–Muller, one of the pair; no cached state, so the stream stays simple to reason about).</summary>
    public double NextNormal()
    {
        double u = NextOpenDouble();
        double v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    /// <summary>A Poisson waiting time in nanoseconds for <paramref name="ratePerSecond"/> (≥ 1 ns; long.MaxValue for rate 0).</summary>
    public long NextWaitNanos(double ratePerSecond)
    {
        if (!(ratePerSecond > 0))
        {
            return long.MaxValue;
        }

        double ns = NextExponential(1e9 / ratePerSecond);
        return ns >= 9e18 ? long.MaxValue : Math.Max(1, (long)ns);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
