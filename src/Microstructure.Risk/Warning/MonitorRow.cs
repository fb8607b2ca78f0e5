namespace Microstructure.Risk.Warning;

/// <summary>One row of <c>tape/risk_monitor</c> as the features need it (units as on the tape: cash units, ticks, rate units 10⁸ = 1).</summary>
internal readonly record struct MonitorRow(
    long TimeNs,
    long Sequence,
    long Mark,
    long OpenInterestNotional,
    long? LongShortRatio,
    long UnderwaterAccounts,
    long? LeverageP50,
    long? LeverageP90,
    long? LeverageP99,
    long? MarginRatioP50,
    long? MarginRatioP90,
    long? MarginRatioP99,
    long? Top10Share,
    long? Herfindahl,
    long FundEquity,
    long Within1Pct,
    long Within2Pct,
    long Within5Pct,
    long? Coverage1Pct,
    long? Coverage2Pct,
    long? Coverage5Pct);
