using Microstructure.Engine;

namespace Microstructure.Analysis.Cascades;

/// <summary>Metrics of one cascade (causal tree of liquidations); definitions in docs/analysis.md.</summary>
public sealed record CascadeSummary
{
    /// <summary>Index of the tree in the <see cref="CascadeForest"/>.</summary>
    public required int TreeIndex { get; init; }

    /// <summary>Id of the root liquidation.</summary>
    public required long RootId { get; init; }

    /// <summary>Time of the root liquidation (ns).</summary>
    public required long StartNs { get; init; }

    /// <summary>Time of the last liquidation in the tree (ns).</summary>
    public required long EndNs { get; init; }

    /// <summary>EndNs − StartNs.</summary>
    public long DurationNs => EndNs - StartNs;

    /// <summary>Number of liquidations in the tree.</summary>
    public required int Count { get; init; }

    /// <summary>Deepest wave: 1 for a lone liquidation.</summary>
    public required int Waves { get; init; }

    /// <summary>Sum of liquidated notional (cash units).</summary>
    public required long TotalNotional { get; init; }

    /// <summary>Notional of buy liquidation orders (shorts closed).</summary>
    public required long BuyNotional { get; init; }

    /// <summary>Notional of sell liquidation orders (longs closed).</summary>
    public required long SellNotional { get; init; }

    /// <summary>Side carrying more notional (Sell on a tie): the direction the cascade pushes the price.</summary>
    public required Side Direction { get; init; }

    /// <summary>Mid just before the root liquidation (the pre-cascade level); 0 if unknown.</summary>
    public required long MidBefore { get; init; }

    /// <summary>Lowest mid during the cascade for a sell cascade, highest for a buy cascade.</summary>
    public required long ExtremeMid { get; init; }

    /// <summary>Maximum drawdown (sell cascade) or run-up (buy cascade) of the mid during the cascade, mid units.</summary>
    public required long PeakToTrough { get; init; }

    /// <summary>PeakToTrough / MidBefore (NaN if MidBefore unknown).</summary>
    public required double PeakToTroughRelative { get; init; }

    /// <summary>Shock notional supplied by the caller for this cascade.</summary>
    public required long ShockNotional { get; init; }

    /// <summary>TotalNotional / ShockNotional; NaN when no shock notional was given.</summary>
    public required double Amplification { get; init; }

    /// <summary>Time from EndNs until the mid is back within tolerance of MidBefore; null if it never is.</summary>
    public required long? MidRecoveryNs { get; init; }

    /// <summary>Depth just before the cascade (last observation before StartNs); null without a depth series.</summary>
    public required long? DepthBefore { get; init; }

    /// <summary>Lowest depth during the cascade; null without depth data.</summary>
    public required long? MinDepth { get; init; }

    /// <summary>Time from EndNs until depth is back to (1 − tolerance)·DepthBefore; null if it never is.</summary>
    public required long? DepthRecoveryNs { get; init; }
}
