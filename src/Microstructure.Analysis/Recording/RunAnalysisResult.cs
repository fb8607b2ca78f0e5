using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Statistics;
using Microstructure.Analysis.StylizedFacts;

namespace Microstructure.Analysis.Recording;

/// <summary>The end-of-run analysis: cascades, impact, stylized facts, drawdown.</summary>
internal sealed class RunAnalysisResult
{
    public required CascadeForest Forest { get; init; }

    public required CascadeSummary[] Cascades { get; init; }

    /// <summary>The cascade with the most notional (the first on ties); null without liquidations.</summary>
    public CascadeSummary? Largest => Cascades.Length == 0 ? null : Cascades.MaxBy(c => c.TotalNotional);

    public required ImpactBin[] ImpactBins { get; init; }

    /// <summary>The square-root-law fit of the binned immediate impact (undefined when σ or V is).</summary>
    public required SquareRootLawFit ImpactFit { get; init; }

    /// <summary>V: lots traded per impact window.</summary>
    public required double VolumePerWindow { get; init; }

    /// <summary>σ: standard deviation of mid log returns per impact window.</summary>
    public required double SigmaPerWindow { get; init; }

    /// <summary>Kyle's λ (mid half ticks per lot of signed flow per return interval).</summary>
    public required LinearFit KyleLambda { get; init; }

    /// <summary>Stylized facts of the mid's returns; null when fewer than <see cref="RunAnalysis.MinReturns"/> returns.</summary>
    public required StylizedFactsReport? StylizedFacts { get; init; }

    /// <summary>Largest fall of the mid from its running peak, relative to the peak (0 without a mid).</summary>
    public required double MaxDrawdown { get; init; }
}
