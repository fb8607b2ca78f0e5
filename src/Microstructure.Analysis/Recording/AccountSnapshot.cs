namespace Microstructure.Analysis.Recording;

/// <summary>One account's state at a snapshot time (a row of <c>tape/accounts</c>); money in cash units.</summary>
internal readonly record struct AccountSnapshot(
    long TimeNs,
    long Account,
    string Agent,
    long Lots,
    long Cash,
    long Collateral,
    long Debt,
    long Equity,
    long PositionNotional,
    long FeesPaid,
    long Mark);
