namespace Microstructure.Replay.Injection;

/// <summary>
/// How much of the historical stream had to be reconciled with simulated flow (docs/replay.md, "Reconciliation").
/// All quantities in lots.
/// </summary>
public sealed class ReconciliationCounts
{
    /// <summary>Historical liquidity taken by simulated orders (injected fills against historical orders or levels).</summary>
    public long DepletedLots { get; internal set; }

    /// <summary>Historical executions that named liquidity a simulated order had already taken (wholly or partly).</summary>
    public long DroppedExecutions { get; internal set; }

    /// <summary>Lots of those executions that were dropped.</summary>
    public long DroppedExecutionLots { get; internal set; }

    /// <summary>Historical cancels/deletes of liquidity a simulated order had already taken.</summary>
    public long DroppedCancels { get; internal set; }

    /// <summary>Lots of those cancels that were dropped.</summary>
    public long DroppedCancelLots { get; internal set; }

    /// <summary>L2 level decreases larger than the historical liquidity left at the level (the excess is absorbed).</summary>
    public long AbsorbedLevelUpdates { get; internal set; }

    /// <summary>Lots of those decreases that were absorbed.</summary>
    public long AbsorbedLevelLots { get; internal set; }

    /// <summary>Historical events that found neither the named liquidity nor a recorded depletion (after an injection).</summary>
    public long UnmatchedEvents { get; internal set; }

    /// <summary>Lots of those events.</summary>
    public long UnmatchedLots { get; internal set; }

    /// <summary>Injected orders held back by a trading halt until trading resumed.</summary>
    public long DeferredByHalt { get; internal set; }

    /// <summary>True when anything at all was reconciled.</summary>
    public bool Any => DroppedExecutions + DroppedCancels + AbsorbedLevelUpdates + UnmatchedEvents > 0;
}
