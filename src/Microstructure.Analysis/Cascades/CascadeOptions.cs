namespace Microstructure.Analysis.Cascades;

/// <summary>Inputs and tolerances of the cascade metrics; every default is documented in docs/analysis.md.</summary>
public sealed record CascadeOptions
{
    /// <summary>The defaults (no shock notional: amplification is NaN).</summary>
    public static CascadeOptions Default { get; } = new();

    /// <summary>Notional of the exogenous shock behind every cascade (cash units), unless overridden per root.</summary>
    public long ShockNotional { get; init; }

    /// <summary>Shock notional per root liquidation id, for runs with several shocks.</summary>
    public IReadOnlyDictionary<long, long>? ShockNotionalByRoot { get; init; }

    /// <summary>The mid has recovered when |m − m_before| ≤ this fraction of m_before (default 0.005 = 50 bp).</summary>
    public double MidRecoveryTolerance { get; init; } = 0.005;

    /// <summary>Depth has recovered when it is back to at least (1 − this) of its pre-cascade level (default 0.10).</summary>
    public double DepthRecoveryTolerance { get; init; } = 0.10;

    /// <summary>How long the mid or depth must stay recovered for the recovery to count (default 0: first touch).</summary>
    public long RecoveryHoldNs { get; init; }

    /// <summary>
    /// How long after the cascade ends to look for a recovery (default unlimited: to the end of the series). Bounds the
    /// scan per cascade on long runs with many cascades.
    /// </summary>
    public long RecoveryHorizonNs { get; init; } = long.MaxValue;

    /// <summary>The shock notional for the cascade rooted at <paramref name="rootId"/>.</summary>
    public long ShockNotionalFor(long rootId) =>
        ShockNotionalByRoot is not null && ShockNotionalByRoot.TryGetValue(rootId, out long shock) ? shock : ShockNotional;

    internal void Validate()
    {
        if (!(MidRecoveryTolerance >= 0) || !(DepthRecoveryTolerance >= 0 && DepthRecoveryTolerance <= 1))
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(MidRecoveryTolerance), "Recovery tolerances must be ≥ 0 (depth: at most 1).");
        }

        if (RecoveryHoldNs < 0 || RecoveryHorizonNs < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(RecoveryHoldNs), "Hold and horizon cannot be negative.");
        }
    }
}
