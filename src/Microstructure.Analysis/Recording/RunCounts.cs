namespace Microstructure.Analysis.Recording;

/// <summary>How many events the recorder saw and how many rows each tape table got.</summary>
/// <param name="Events">Every event consumed.</param>
/// <param name="Commands">Distinct command sequences seen.</param>
/// <param name="Trades">Rows of tape/trades (= Trade events).</param>
/// <param name="TopOfBook">Rows of tape/l1 (= TopOfBook events).</param>
/// <param name="DepthSnapshots">Rows of tape/depth (= L2 snapshots).</param>
/// <param name="LiquidationEvents">Rows of tape/liquidation_events.</param>
/// <param name="AdlMatches">Rows of tape/adl (= AutoDeleverage events).</param>
/// <param name="FundMovements">Rows of tape/fund (= InsuranceFund and BadDebt events).</param>
/// <param name="AccountSnapshots">Rows of tape/accounts.</param>
public sealed record RunCounts(
    long Events,
    long Commands,
    long Trades,
    long TopOfBook,
    long DepthSnapshots,
    long LiquidationEvents,
    long AdlMatches,
    long FundMovements,
    long AccountSnapshots);
