namespace Microstructure.Risk.Monitoring.Warning;

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
    long? Coverage5Pct)
{
    /// <summary>The row the tape holds for <paramref name="s"/> (what the live features read, without the tape).</summary>
    public static MonitorRow From(RiskSnapshot s) => new(
        s.TimeNs, s.Sequence, s.Mark, s.OpenInterestNotional, s.LongShortRatio, s.UnderwaterAccounts,
        s.LeverageP50, s.LeverageP90, s.LeverageP99, s.MarginRatioP50, s.MarginRatioP90, s.MarginRatioP99,
        s.Top10Share, s.Herfindahl, s.FundEquity, s.Within1Pct, s.Within2Pct, s.Within5Pct,
        s.Coverage1Pct, s.Coverage2Pct, s.Coverage5Pct);
}
