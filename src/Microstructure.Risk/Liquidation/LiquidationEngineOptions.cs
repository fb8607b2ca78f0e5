namespace Microstructure.Risk.Liquidation;

/// <summary>
/// How the liquidation engine works its queue on the exchange clock: breached accounts wait in the queue and are
/// taken at most <see cref="MaxPerInterval"/> per <see cref="IntervalSeconds"/>, each no sooner than
/// <see cref="ProcessingDelaySeconds"/> after it was found breached, so agents act between liquidation orders and a
/// cascade unfolds in time. Every default is documented in docs/risk.md ("The liquidation engine's clock").
/// </summary>
public sealed record LiquidationEngineOptions
{
    /// <summary>The pacing window in seconds. Default 0.1.</summary>
    public decimal IntervalSeconds { get; init; } = 0.1m;

    /// <summary>
    /// Queue tickets (liquidation starts, resumed slices, fund and vault unwinds) worked per window; 0 = no limit (the
    /// whole queue at once, at one instant). Default 2 — up to 20 a second, the order of Hyperliquid's pace on 10 Oct
    /// 2025 (liquidations in 186 distinct seconds over 12 minutes). The queue is worked when a command reaches the
    /// exchange (agents' orders, the kernel's ticks), so in a quiet market the pace is also bounded by how often one does.
    /// </summary>
    public int MaxPerInterval { get; init; } = 2;

    /// <summary>Seconds between a breach being found and its liquidation starting. Default 0.</summary>
    public decimal ProcessingDelaySeconds { get; init; }

    /// <summary>
    /// The price of the orders a design sends "at market": <see cref="LiquidationOrderPricing.BankruptcyLimit"/> (IOC
    /// limit at the account's bankruptcy price, the venue rule; the default) or <see cref="LiquidationOrderPricing.Market"/>
    /// (a market order that walks the book).
    /// </summary>
    public LiquidationOrderPricing OrderPricing { get; init; } = LiquidationOrderPricing.BankruptcyLimit;

    /// <summary>
    /// No pacing, market orders: every liquidation runs to the end inside the command that caused it. For unit tests
    /// of the static rules and for benchmarks of the inline path — no venue works like this.
    /// </summary>
    public static LiquidationEngineOptions Immediate { get; } = new() { MaxPerInterval = 0, OrderPricing = LiquidationOrderPricing.Market };

    internal void Validate(string path)
    {
        Check.Seconds(IntervalSeconds, $"{path}.intervalSeconds", allowZero: false);
        Check.That(MaxPerInterval is >= 0 and <= 1_000_000, $"{path}.maxPerInterval", $"must be in [0, 1000000] (0 = no limit); got {MaxPerInterval}");
        Check.Seconds(ProcessingDelaySeconds, $"{path}.processingDelaySeconds", allowZero: true);
        Check.That(Enum.IsDefined(OrderPricing), $"{path}.orderPricing", $"must be 'bankruptcyLimit' or 'market'; got {OrderPricing}");
    }
}

/// <summary>The price of a liquidation order a design sends without a limit of its own.</summary>
public enum LiquidationOrderPricing : byte
{
    /// <summary>IOC limit at the liquidated account's bankruptcy price (Binance, Bybit): it never fills worse than bankruptcy.</summary>
    BankruptcyLimit = 0,

    /// <summary>IOC market order: walks the book as far as it must (what naive simulators do).</summary>
    Market = 1,
}
