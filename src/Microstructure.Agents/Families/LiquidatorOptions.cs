using System.Text.Json.Serialization;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Validation;

namespace Microstructure.Agents.Families;

/// <summary>
/// A liquidator/arbitrageur: bids in Dutch auctions (<c>AuctionTake</c>) once the auction price is far enough below
/// the mark, and buys liquidation dips on the book (when a liquidation sells and the mid is below the index by a
/// margin); it unwinds what it bought once the price is back near the index or its holding time has passed.
/// </summary>
public sealed record LiquidatorOptions : AgentOptions
{
    /// <summary>Sets the family's defaults.</summary>
    public LiquidatorOptions()
    {
        Capital = ValueDistribution.Fixed(5_000_000);
    }

    /// <inheritdoc />
    [JsonIgnore]
    public override AgentKind Kind => AgentKind.Liquidator;

    /// <summary>Take an auction once its price is this fraction better than the mark. Default 0.03.</summary>
    public double AuctionDiscount { get; init; } = 0.03;

    /// <summary>Most lots per auction take. Default 500.</summary>
    public long MaxTakeLots { get; init; } = 500;

    /// <summary>Buy a liquidation dip when the mid is this fraction below the index (0 = never). Default 0.01.</summary>
    public double DipDiscount { get; init; } = 0.01;

    /// <summary>Lots per dip order. Default 50.</summary>
    public long DipLots { get; init; } = 50;

    /// <summary>Unwind once the mid is within this fraction of the index. Default 0.002.</summary>
    public double ExitDiscount { get; init; } = 0.002;

    /// <summary>Unwind at the latest after this many seconds. Default 60.</summary>
    public double HoldSeconds { get; init; } = 60;

    /// <summary>Largest |position| in lots. Default 2,000.</summary>
    public long MaxPosition { get; init; } = 2_000;

    /// <summary>Leverage the account sets. Default 5.</summary>
    public int Leverage { get; init; } = 5;

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        Require.InRange(AuctionDiscount, 0, 0.99, $"{path}.auctionDiscount");
        Require.InRange(MaxTakeLots, 1, 1_000_000_000, $"{path}.maxTakeLots");
        Require.InRange(DipDiscount, 0, 0.99, $"{path}.dipDiscount");
        Require.InRange(DipLots, 1, 1_000_000_000, $"{path}.dipLots");
        Require.InRange(ExitDiscount, 0, 0.99, $"{path}.exitDiscount");
        Require.InRange(HoldSeconds, 0.001, 86_400, $"{path}.holdSeconds");
        Require.InRange(MaxPosition, 1, 1_000_000_000, $"{path}.maxPosition");
        Require.InRange(Leverage, 1, 1_000, $"{path}.leverage");
    }

    /// <inheritdoc />
    public override Agent Create(AgentSetup setup) => new Liquidator(setup, this, DrawCapital(setup.Random));
}
