namespace Microstructure.Analysis.Tests;

/// <summary>Seeded random samples with known properties (System.Random with a seed is reproducible).</summary>
internal static class Samplers
{
    public static double Normal(Random rng)
    {
        // Box–Muller; 1 − U avoids log(0).
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static double[] Normals(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = Normal(rng);
        }

        return x;
    }

    /// <summary>Student t with integer ν degrees of freedom: Z / √(χ²_ν/ν); tail index α = ν.</summary>
    public static double StudentT(Random rng, int nu)
    {
        double chi2 = 0;
        for (int i = 0; i < nu; i++)
        {
            double z = Normal(rng);
            chi2 += z * z;
        }

        return Normal(rng) / Math.Sqrt(chi2 / nu);
    }

    public static double[] StudentTs(int n, int nu, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = StudentT(rng, nu);
        }

        return x;
    }

    /// <summary>Pareto with x_min = 1 and tail index α: U^(−1/α); each sign with probability ½.</summary>
    public static double[] SymmetricPareto(int n, double alpha, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            double v = Math.Pow(1.0 - rng.NextDouble(), -1.0 / alpha);
            x[i] = rng.Next(2) == 0 ? v : -v;
        }

        return x;
    }

    /// <summary>AR(1): x_t = φ·x_{t−1} + ε_t with Gaussian ε; ρ(ℓ) = φ^ℓ.</summary>
    public static double[] Ar1(int n, double phi, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        double prev = Normal(rng) / Math.Sqrt(1 - (phi * phi));
        for (int i = 0; i < n; i++)
        {
            prev = (phi * prev) + Normal(rng);
            x[i] = prev;
        }

        return x;
    }

    /// <summary>
    /// Returns with long-memory volatility: log σ_t is a sum of AR(1) components with geometric time scales
    /// (2, 4, … 2^10 steps), which makes the |r| autocorrelation decay slowly, roughly as a power law.
    /// </summary>
    public static double[] LongMemoryVolatility(int n, int seed)
    {
        var rng = new Random(seed);
        const int Components = 10;
        var h = new double[Components];
        var x = new double[n];
        for (int t = 0; t < n; t++)
        {
            double logSigma = 0;
            for (int j = 0; j < Components; j++)
            {
                double phi = 1 - Math.Pow(2, -(j + 1));
                h[j] = (phi * h[j]) + (0.25 * Math.Sqrt(1 - (phi * phi)) * Normal(rng));
                logSigma += h[j];
            }

            x[t] = Math.Exp(logSigma) * Normal(rng);
        }

        return x;
    }
}
