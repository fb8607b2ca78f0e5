using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Plots;
using Microstructure.Analysis.Series;

namespace Microstructure.Analysis.Recording;

/// <summary>What the recorder gathered over the run, handed to the end-of-run analysis and writers.</summary>
internal sealed class RecordedRun
{
    public required RecordedRunInfo Info { get; init; }

    public required RecorderOptions Options { get; init; }

    public required RunDirectory Directory { get; init; }

    /// <summary>Cash units of one tick on one lot.</summary>
    public required long CashPerTickLot { get; init; }

    /// <summary>Effective end: the later of the run info's end and the last event.</summary>
    public required long EndNs { get; init; }

    /// <summary>Two-sided mid (half ticks) at each change.</summary>
    public required StepSeries Mid { get; init; }

    /// <summary>Depth within the band (lots) at each L2 snapshot; empty without snapshots.</summary>
    public required StepSeries Depth { get; init; }

    public required DepthTracker DepthTracker { get; init; }

    public required IReadOnlyList<LiquidationMetrics> Liquidations { get; init; }

    public required LiquidationRecord[] Records { get; init; }

    public required List<TakerOrder> Orders { get; init; }

    /// <summary>Lots traded over the run.</summary>
    public required long Volume { get; init; }

    public required RunCounts Counts { get; init; }

    /// <summary>Perpetual bad debt written off (cash units).</summary>
    public required long BadDebt { get; init; }

    /// <summary>Lending-pool bad debt written off (cash units).</summary>
    public required long PoolBadDebt { get; init; }

    public required long AdlCount { get; init; }

    public required long AdlLots { get; init; }

    /// <summary>Net deposits into the insurance fund account over the run (cash units).</summary>
    public required long FundDeposits { get; init; }

    /// <summary>Insurance fund cash at the end, as rebuilt by the ledger (cash units).</summary>
    public required long FundEnd { get; init; }

    /// <summary>Positions left with the fund, the vault and unfinished liquidations, at the final mark.</summary>
    public HeldPositions Held { get; init; }

    /// <summary>Insurance fund equity (cash + position at the mark, cash units) at each change; empty without a fund account.</summary>
    public StepSeries FundEquity { get; init; }

    /// <summary>Insurance fund position (lots) at each change; empty without a fund account.</summary>
    public StepSeries FundPosition { get; init; }

    /// <summary>What the margin mitigation did, when the run has one (<see cref="RecordedRunInfo.ChangesMargins"/>); else null.</summary>
    public MarginChangeSummary? MarginChanges { get; init; }

    /// <summary>The hedge's totals and the fund's drawdown, when the run hedges (<see cref="RecordedRunInfo.Hedging"/>); else null.</summary>
    public HedgeSummary? Hedge { get; init; }

    /// <summary>The market makers' hedge and equity, when some accounts hedge (<see cref="RecordedRunInfo.HedgedAccounts"/>); else null.</summary>
    public MarketMakerHedgeSummary? MarketMakerHedge { get; init; }

    /// <summary>The risk monitor's liquidation maps (empty without a monitor).</summary>
    public LiquidationMapSeries LiquidationMap { get; init; } = new();
}
