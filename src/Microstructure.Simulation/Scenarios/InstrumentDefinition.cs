namespace Microstructure.Simulation.Scenarios;

/// <summary>The contract traded (scenario field <c>instrument</c>).</summary>
public sealed record InstrumentDefinition
{
    /// <summary>Display name. Default "BTCUSDT".</summary>
    public string Symbol { get; init; } = "BTCUSDT";

    /// <summary>Price of one tick in quote currency. Default 0.1.</summary>
    public decimal TickSize { get; init; } = 0.1m;

    /// <summary>Size of one lot in base currency. Default 0.001.</summary>
    public decimal LotSize { get; init; } = 0.001m;

    /// <summary>Highest price accepted, in quote currency. Default 10,000,000.</summary>
    public decimal MaxPrice { get; init; } = 10_000_000m;

    /// <summary>Largest order accepted, in lots. Default 1,000,000,000.</summary>
    public long MaxOrderLots { get; init; } = 1_000_000_000;
}
