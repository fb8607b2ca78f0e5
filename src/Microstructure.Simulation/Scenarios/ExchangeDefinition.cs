using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;

namespace Microstructure.Simulation.Scenarios;

/// <summary>The exchange's settings (scenario field <c>exchange</c>); every default is the risk layer's (docs/risk.md).</summary>
public sealed record ExchangeDefinition
{
    /// <summary>Most live orders in the book (resting orders plus pending stops), 1 to 268,435,456: a ceiling, not a reservation. Default 262,144.</summary>
    public int MaxOrders { get; init; } = 1 << 18;

    /// <summary>Taker fee rate. Default 0.0004.</summary>
    public decimal TakerFeeRate { get; init; } = 0.0004m;

    /// <summary>Maker fee rate. Default 0.0002.</summary>
    public decimal MakerFeeRate { get; init; } = 0.0002m;

    /// <summary>Leverage a new account starts with. Default 20.</summary>
    public int DefaultLeverage { get; init; } = 20;

    /// <summary>Market orders are margined at the best price × (1 + this). Default 0.01.</summary>
    public decimal MarketOrderPriceBuffer { get; init; } = 0.01m;

    /// <summary><c>markNotional</c> (Binance) or <c>entryNotional</c> (BitMEX isolated). Default markNotional.</summary>
    public MaintenanceBasis MaintenanceBasis { get; init; } = MaintenanceBasis.MarkNotional;

    /// <summary>Maintenance brackets, lowest first; null = Binance BTCUSDT (2021).</summary>
    public IReadOnlyList<MarginBracketSpec>? Brackets { get; init; }

    /// <summary>Mark price method and EMA constant.</summary>
    public MarkPriceOptions Mark { get; init; } = new();

    /// <summary>The liquidation engine's pace and order pricing (default: 2 tickets per 0.1 s, IOC at bankruptcy).</summary>
    public LiquidationEngineOptions LiquidationEngine { get; init; } = new();

    /// <summary>How the insurance fund holds and unwinds takeovers, and its loss cap.</summary>
    public FundPolicyOptions FundPolicy { get; init; } = new();

    /// <summary>Funding settings.</summary>
    public FundingOptions Funding { get; init; } = new();

    /// <summary>Insurance fund balance at the start, in quote currency. Default 1,000,000.</summary>
    public decimal InsuranceFund { get; init; } = 1_000_000m;

    /// <summary>Cash of the Dutch-auction keeper (the standing bid curve), in quote currency. Default 10,000,000.</summary>
    public decimal KeeperCash { get; init; } = 10_000_000m;
}
