namespace Microstructure.Risk;

/// <summary>What put an account below maintenance margin.</summary>
public enum LiquidationCause : byte
{
    /// <summary>Not a liquidation event.</summary>
    None = 0,

    /// <summary>The mark price moved past the account's threshold; the parent is the liquidation whose fills moved it, if any.</summary>
    MarkMove = 1,

    /// <summary>The account's own fills or fees (or being a maker to another liquidation's order) lowered its equity.</summary>
    Fill = 2,

    /// <summary>A funding payment.</summary>
    Funding = 3,

    /// <summary>A withdrawal, margin transfer or leverage change.</summary>
    AccountChange = 4,

    /// <summary>The dynamic-margin multiplier rose.</summary>
    MarginMultiplier = 5,

    /// <summary>The position changed off the book (auto-deleveraging, takeover, auction).</summary>
    Transfer = 6,

    /// <summary>A deferred liquidation resumed (cool-down, cap interval, halt, auction room).</summary>
    Resumed = 7,

    /// <summary>Lending: the oracle price moved (or debt/collateral changed) so the health factor fell below 1.</summary>
    HealthFactor = 8,
}
