using Microstructure.Risk.Accounts;
using Microstructure.Risk.Lending;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Processing;

/// <summary>Everything an <see cref="Exchange"/> is built from. Every default is documented in docs/risk.md.</summary>
public sealed record ExchangeOptions
{
    /// <summary>The contract: tick and lot sizes (their product × 10⁸ must be a whole number of cash units) and bounds. Default BTCUSDT-like.</summary>
    public InstrumentSpec Instrument { get; init; } = InstrumentSpec.Default;

    /// <summary>
    /// Most live orders in the book (resting orders plus pending stops), 1 to <see cref="Microstructure.Engine.Matching.MatchingEngine.MaxOrderCapacity"/>:
    /// a ceiling, not a reservation (the book's and the order table's memory grow with the orders actually live). Default 65,536.
    /// </summary>
    public int MaxOrders { get; init; } = 1 << 16;

    /// <summary>Account ids are 0 … MaxAccounts − 1; the last four are system accounts unless set below. Default 4,096.</summary>
    public int MaxAccounts { get; init; } = 1 << 12;

    /// <summary>Maintenance-margin brackets. Default Binance BTCUSDT (2021).</summary>
    public BracketTable Brackets { get; init; } = BracketTable.BinanceBtcUsdt2021;

    /// <summary>Notional the maintenance margin is computed on. Default mark notional (Binance).</summary>
    public MaintenanceBasis MaintenanceBasis { get; init; } = MaintenanceBasis.MarkNotional;

    /// <summary>Taker fee rate. Default 0.0004 (0.04%, Binance USDⓈ-M base tier).</summary>
    public decimal TakerFeeRate { get; init; } = 0.0004m;

    /// <summary>Maker fee rate. Default 0.0002 (0.02%).</summary>
    public decimal MakerFeeRate { get; init; } = 0.0002m;

    /// <summary>Leverage a new account starts with. Default 20.</summary>
    public int DefaultLeverage { get; init; } = 20;

    /// <summary>Margin mode a new account starts with. Default cross.</summary>
    public MarginMode DefaultMarginMode { get; init; } = MarginMode.Cross;

    /// <summary>Market orders are margined at max(mark, best opposite price) × (1 + this). Default 0.01.</summary>
    public decimal MarketOrderPriceBuffer { get; init; } = 0.01m;

    /// <summary>Largest |position| in lots; 0 = the largest that keeps every notional within 1/4 of a long. Default 0.</summary>
    public long MaxPositionLots { get; init; }

    /// <summary>Mark price method.</summary>
    public MarkPriceOptions Mark { get; init; } = new();

    /// <summary>Funding.</summary>
    public FundingOptions Funding { get; init; } = new();

    /// <summary>The liquidation design (its options record names it). Default <c>insurance-fund</c> with its defaults.</summary>
    public LiquidationDesignOptions Liquidation { get; init; } = new InsuranceFundOptions();

    /// <summary>How the liquidation queue is worked on the clock, and the price of liquidation orders. Default: paced, IOC at bankruptcy.</summary>
    public LiquidationEngineOptions LiquidationEngine { get; init; } = new();

    /// <summary>How the insurance fund holds and unwinds what it takes over, and when it stops taking (then ADL).</summary>
    public FundPolicyOptions FundPolicy { get; init; } = new();

    /// <summary>Cross-cutting mitigations (<c>price-band</c>, <c>circuit-breaker</c>, <c>dynamic-margin</c>), at most one of each.</summary>
    public IReadOnlyList<MitigationOptions> Mitigations { get; init; } = [];

    /// <summary>The lending pool, or null for none.</summary>
    public LendingPoolOptions? LendingPool { get; init; }

    /// <summary>
    /// Trading accounts (e.g. market makers) that hedge their own position on the hedge venue the same way as the fund
    /// and the vault do under a design's <c>hedge</c> (docs/risk.md, "Hedging"): listed once each, in increasing account
    /// order, never a system account. Default none.
    /// </summary>
    public IReadOnlyList<AccountHedgeOptions> AccountHedges { get; init; } = [];

    /// <summary>Insurance fund account id. Default MaxAccounts − 1.</summary>
    public long? InsuranceFundAccountId { get; init; }

    /// <summary>Backstop vault account id. Default MaxAccounts − 2.</summary>
    public long? VaultAccountId { get; init; }

    /// <summary>Lending-pool protocol liquidator account id. Default MaxAccounts − 3.</summary>
    public long? PoolLiquidatorAccountId { get; init; }

    /// <summary>Dutch-auction keeper account id (the standing bid curve). Default MaxAccounts − 4.</summary>
    public long? KeeperAccountId { get; init; }
}
