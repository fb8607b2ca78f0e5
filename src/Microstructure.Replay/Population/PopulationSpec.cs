using Microstructure.Risk.Accounts;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;

namespace Microstructure.Replay.Population;

/// <summary>
/// A leveraged population to open against a historical book, and the liquidation design that handles it
/// (docs/replay.md, "Leveraged population"). Read from JSON by <see cref="PopulationSpecReader"/>; every quantity is
/// already in the replay's integer units (lots, ticks, nanoseconds).
/// </summary>
public sealed record PopulationSpec
{
    /// <summary>The file it was read from (for messages), or a label.</summary>
    public string Source { get; init; } = "population";

    /// <summary>Number of leveraged accounts.</summary>
    public required int Accounts { get; init; }

    /// <summary>Seed of the draws (leverage, size).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Share of the accounts that go long (rounded half away from zero); the rest go short.</summary>
    public decimal LongFraction { get; init; } = 1m;

    /// <summary>Leverage distribution.</summary>
    public required LeverageSpec Leverage { get; init; }

    /// <summary>Smallest position, lots.</summary>
    public required long MinLots { get; init; }

    /// <summary>Largest position, lots (sizes are drawn uniformly in between).</summary>
    public required long MaxLots { get; init; }

    /// <summary>When the population opens.</summary>
    public required PopulationEntry Entry { get; init; }

    /// <summary>Cross or isolated margin for every account.</summary>
    public MarginMode MarginMode { get; init; } = MarginMode.Cross;

    /// <summary>Where the mark price comes from.</summary>
    public MarkSource Mark { get; init; } = MarkSource.Mid;

    /// <summary>The liquidation design and its options (risk layer: <see cref="LiquidationPolicies"/>).</summary>
    public LiquidationDesignOptions Liquidation { get; init; } = new InsuranceFundOptions();

    /// <summary>Taker fee rate (risk layer default 0.0004).</summary>
    public decimal TakerFeeRate { get; init; } = 0.0004m;

    /// <summary>Maker fee rate (risk layer default 0.0002).</summary>
    public decimal MakerFeeRate { get; init; } = 0.0002m;

    /// <summary>Maintenance-margin brackets (risk layer default: Binance BTCUSDT 2021).</summary>
    public BracketTable Brackets { get; init; } = BracketTable.BinanceBtcUsdt2021;
}
