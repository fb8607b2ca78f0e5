namespace Microstructure.Risk.Liquidation;

/// <summary>
/// <c>dutch-auction</c> (MakerDAO Liquidations 2.0, stairstep decrease): the breached position is auctioned off the
/// book. The price starts on the oracle's side of the trade: a long's lots (sold) at oracle × <see cref="StartBuffer"/>
/// rounded down, never above the oracle; a short's (bought back) mirrored at oracle × (2 − buf) rounded up, never below
/// it. It moves against the trader by <see cref="StepFactor"/> every <see cref="StepSeconds"/> (a long's: × cut rounded
/// down; a short's: × (2 − cut) rounded up), so between restarts it only falls (rises for a short). After
/// <see cref="TailSeconds"/>, or once price / start passed <see cref="Cusp"/> (a short's: (2 − cusp)), it restarts
/// from the current oracle by the same start rule — the only moment the price may move back toward the trader. A
/// penalty goes to the fund at the start. Active auctions' notional is capped by <see cref="Hole"/>. Bidders are
/// agents (<see cref="ExchangeCommandType.AuctionTake"/>) and a standing keeper bid curve.
/// </summary>
/// <remarks>
/// MakerDAO starts above its oracle (buf 1.2–1.3) because its OSM price lags the market by an hour; here the oracle is
/// the venue's live mark, and a sale starting above it only waits for the price to come back down (the issue 11
/// finding: 20% over the mark, 1% per 90 s, nothing cleared in a ten-minute run). So buf is at most 1, and the clock is
/// MakerDAO's ÷ 9 (90 s → 10 s steps, 140 min → 15 min tail) to fit runs of minutes.
/// </remarks>
public sealed record DutchAuctionOptions : LiquidationDesignOptions
{
    /// <summary>
    /// buf: start price as a fraction of the oracle, in (0, 1] (a short's start is mirrored: oracle × (2 − buf)).
    /// Default 1: at the oracle. (MakerDAO's buf of 1.2–1.3 over a lagging oracle has no meaning over a live mark.)
    /// </summary>
    public decimal StartBuffer { get; init; } = 1m;

    /// <summary>Seconds per price step. Default 10 (MakerDAO ETH-A: 90).</summary>
    public decimal StepSeconds { get; init; } = 10m;

    /// <summary>cut: price factor per step. Default 0.99.</summary>
    public decimal StepFactor { get; init; } = 0.99m;

    /// <summary>tail: auction age that forces a restart, seconds. Default 900 (15 min; MakerDAO ETH-A: 140 min).</summary>
    public decimal TailSeconds { get; init; } = 900m;

    /// <summary>cusp: restart once price / start falls below this. Default 0.4.</summary>
    public decimal Cusp { get; init; } = 0.4m;

    /// <summary>Liquidation penalty on the notional at the oracle, capped by equity, to the fund. Default 0.13 (chop 1.13).</summary>
    public decimal Penalty { get; init; } = 0.13m;

    /// <summary>hole: most notional (quote, at start prices) under auction at once. Default 25,000,000.</summary>
    public decimal Hole { get; init; } = 25_000_000m;

    /// <summary>Keepers' standing bid curve, discounts increasing. Default 2% → 25%, 5% → 50%, 10% → 100%.</summary>
    public IReadOnlyList<StandingBid> StandingBids { get; init; } = [new(0.02m, 0.25m), new(0.05m, 0.5m), new(0.10m, 1m)];

    /// <summary>Keepers sell what they take on the order book at once (the feedback loop). Default true.</summary>
    public bool KeeperSellsOnBook { get; init; } = true;

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override string Name => LiquidationPolicies.DutchAuction;

    internal override void Validate(string path)
    {
        // A sold long never starts above the oracle (nor a bought-back short below it).
        Check.Rate(StartBuffer, $"{path}.startBuffer", 0m, 1m, minInclusive: false);
        Check.Seconds(StepSeconds, $"{path}.stepSeconds", allowZero: false);
        Check.Rate(StepFactor, $"{path}.stepFactor", 0m, 1m, minInclusive: false, maxInclusive: false);
        Check.Seconds(TailSeconds, $"{path}.tailSeconds", allowZero: false);
        Check.Rate(Cusp, $"{path}.cusp", 0m, 1m, minInclusive: false, maxInclusive: false);
        Check.Rate(Penalty, $"{path}.penalty", 0m, 1m);
        Check.Cash(Hole, $"{path}.hole", min: 0.00000001m);
        Check.That(StandingBids is not null, $"{path}.standingBids", "must be a list (it may be empty)");
        decimal previousDiscount = -1m, previousFraction = 0m;
        for (int i = 0; i < StandingBids.Count; i++)
        {
            var bid = StandingBids[i];
            Check.That(bid is not null, $"{path}.standingBids[{i}]", "is null");
            Check.Rate(bid.Discount, $"{path}.standingBids[{i}].discount", 0m, 1m, maxInclusive: false);
            Check.Rate(bid.Fraction, $"{path}.standingBids[{i}].fraction", 0m, 1m, minInclusive: false);
            Check.That(bid.Discount > previousDiscount, $"{path}.standingBids[{i}].discount", "discounts must increase");
            Check.That(bid.Fraction >= previousFraction, $"{path}.standingBids[{i}].fraction", "fractions must not decrease (they are cumulative)");
            previousDiscount = bid.Discount;
            previousFraction = bid.Fraction;
        }
    }
}
