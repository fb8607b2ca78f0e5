using Microstructure.Analysis.Impact;
using Microstructure.Analysis.StylizedFacts;

namespace Microstructure.Runner.Diagnostics;

/// <summary>The stylized facts and the impact law of one run, measured with the Analysis library.</summary>
/// <param name="Facts">Returns, Hill tail indexes, autocorrelations of r and |r|, clustering and decay.</param>
/// <param name="ImpactFit">Square-root law fit over the market orders' immediate impact, binned in Q/V.</param>
/// <param name="ImpactBins">The binned impact curve the fit used.</param>
/// <param name="MarketOrders">Market orders measured.</param>
/// <param name="Trades">Trades seen.</param>
/// <param name="MeanSpreadTicks">Mean quoted spread over book changes (ticks).</param>
internal sealed record RealismReport(
    StylizedFactsReport Facts,
    SquareRootLawFit ImpactFit,
    IReadOnlyList<ImpactBin> ImpactBins,
    int MarketOrders,
    long Trades,
    double MeanSpreadTicks)
{
    /// <summary>Hill tail index of |r| (both tails pooled).</summary>
    public double HillAlpha => Facts.Hill.Alpha;

    /// <summary>Autocorrelation of |r| at lag <paramref name="lag"/>.</summary>
    public double AbsAcf(int lag) => Facts.AbsoluteReturnAcf[lag];
}
