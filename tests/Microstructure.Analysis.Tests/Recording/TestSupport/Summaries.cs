using Microstructure.Analysis.Recording;

namespace Microstructure.Analysis.Tests.Recording.TestSupport;

/// <summary>Hand-made run summaries for the comparison tests.</summary>
internal static class Summaries
{
    public static RunSummary Of(
        string design,
        long seed,
        long cascades = 0,
        decimal notional = 0m,
        double drawdown = 0,
        decimal badDebt = 0m,
        decimal fundUsage = 0m,
        long adl = 0,
        long? recoveryNs = null,
        string directory = "") => new()
        {
            Scenario = "hand",
            Design = design,
            Seed = seed,
            Directory = directory,
            CashScale = 100_000_000,
            StartNs = 0,
            EndNs = 1,
            Counts = new RunCounts(0, 0, 0, 0, 0, 0, 0, 0, 0),
            MarketOrders = 0,
            Volume = 0,
            Liquidations = cascades * 2,
            Cascades = cascades,
            LargestCascadeSize = 0,
            LiquidatedNotional = (long)(notional * 100_000_000),
            Amplification = double.NaN,
            LargestCascadeAmplification = double.NaN,
            MaxDrawdown = drawdown,
            LargestCascadeMove = double.NaN,
            BadDebt = (long)(badDebt * 100_000_000),
            PoolBadDebt = 0,
            FundUsage = (long)(fundUsage * 100_000_000),
            FundNetChange = 0,
            AdlCount = adl,
            AdlLots = 0,
            MidRecoveryNs = recoveryNs,
            DepthRecoveryNs = null,
            ImpactExponent = double.NaN,
            ImpactPrefactor = double.NaN,
            KyleLambda = double.NaN,
            HillAlpha = double.NaN,
            ReturnAcfLag1 = double.NaN,
            AbsReturnAcfLag1 = double.NaN,
        };
}
