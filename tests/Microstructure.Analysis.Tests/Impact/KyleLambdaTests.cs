using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Series;

namespace Microstructure.Analysis.Tests.Impact;

public sealed class KyleLambdaTests
{
    [Fact]
    public void Regression_recovers_lambda_from_noisy_window_data()
    {
        var rng = new Random(5);
        var flow = new double[5_000];
        var dp = new double[5_000];
        for (int k = 0; k < flow.Length; k++)
        {
            flow[k] = Math.Round(100 * Samplers.Normal(rng));
            dp[k] = (0.05 * flow[k]) + (2 * Samplers.Normal(rng));
        }

        var fit = KyleLambda.Estimate(dp, flow);

        Assert.InRange(fit.Slope, 0.05 - (4 * fit.SlopeStandardError), 0.05 + (4 * fit.SlopeStandardError));
        Assert.InRange(fit.SlopeStandardError, 1e-4, 0.002);
    }

    [Fact]
    public void Aggregation_sums_signed_flow_per_window_and_differences_the_mid()
    {
        var mid = new StepSeries(new long[] { 0, 15, 25 }, new long[] { 1000, 1004, 1001 }, endNs: 30);
        long[] times = [1, 9, 12, 20, 29, 30];
        long[] qty = [5, -2, 7, -1, -4, 100];
        var dp = new double[5];
        var flow = new double[5];

        int n = KyleLambda.Aggregate(times, qty, mid, 0, 10, dp, flow);

        // Windows [0,10) [10,20) [20,30): mid at 0,10,20,30 = 1000,1000,1004,1001.
        Assert.Equal(3, n);
        Assert.Equal([3.0, 7.0, -5.0], flow[..3]);
        Assert.Equal([0.0, 4.0, -3.0], dp[..3]);
    }

    [Fact]
    public void Lambda_from_a_tape_where_the_mid_follows_cumulative_flow()
    {
        // Mid = 1,000,000 + round(0.2 · cumulative signed flow): λ = 0.2 ticks per lot (rounding adds tiny noise).
        var rng = new Random(8);
        const int Trades = 20_000;
        var times = new long[Trades];
        var qty = new long[Trades];
        var mids = new long[Trades + 1];
        var midTimes = new long[Trades + 1];
        long cumulative = 0;
        long t = 0;
        mids[0] = 1_000_000;
        for (int i = 0; i < Trades; i++)
        {
            t += 1 + rng.Next(1_000_000); // up to 1 ms apart
            times[i] = t;
            qty[i] = (rng.Next(2) == 0 ? 1 : -1) * (1 + rng.Next(50));
            cumulative += qty[i];
            midTimes[i + 1] = t;
            mids[i + 1] = 1_000_000 + (long)Math.Round(0.2 * cumulative);
        }

        var mid = new StepSeries(midTimes, mids);

        var fit = KyleLambda.FromTape(times, qty, mid, 0, 50_000_000);

        Assert.InRange(fit.Slope, 0.19, 0.21);
        Assert.True(fit.RSquared > 0.99);
    }
}
