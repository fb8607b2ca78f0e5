namespace Microstructure.Risk.Liquidation;

/// <summary>
/// One point of a Dutch auction's standing bid curve: once the auction price is at least <see cref="Discount"/>
/// better than the oracle (below it for a long's lots, above it for a short), keepers take up to
/// <see cref="Fraction"/> of the auctioned lots in total.
/// </summary>
/// <param name="Discount">Discount to the oracle, e.g. 0.05 for 5%.</param>
/// <param name="Fraction">Cumulative fraction of the auction the keepers take at that discount, in (0, 1].</param>
public sealed record StandingBid(decimal Discount, decimal Fraction);
