using Microstructure.Risk.Accounts;

namespace Microstructure.Risk;

/// <summary>
/// One command for the <see cref="Processing.Exchange"/>: an order or a risk command. A mutable struct on purpose:
/// producers claim a ring slot and write it in place. The static factories fill the right fields.
/// </summary>
/// <remarks>
/// <see cref="Timestamp"/> is authoritative for every command (it drives funding, auctions, cool-downs and pauses);
/// for <see cref="ExchangeCommandType.Order"/> it is copied into the order, and the order's own account id is used.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051:Do not declare visible instance fields", Justification = "A flat blittable struct written in place into ring slots; properties would add nothing but copies.")]
public struct ExchangeCommand
{
    /// <summary>What to do.</summary>
    public ExchangeCommandType Type;

    /// <summary>For <see cref="ExchangeCommandType.SetMarginMode"/>.</summary>
    public MarginMode MarginMode;

    /// <summary>The account the command is about (ignored for orders, which carry their own).</summary>
    public long AccountId;

    /// <summary>Cash units, lots or leverage, depending on <see cref="Type"/>.</summary>
    public long Amount;

    /// <summary>A price in ticks (index, mark, reference, auction limit).</summary>
    public Price Price;

    /// <summary>For <see cref="ExchangeCommandType.AuctionTake"/>: the liquidation id of the auction.</summary>
    public long Target;

    /// <summary>Source time of the command in nanoseconds (simulated or historical).</summary>
    public Timestamp Timestamp;

    /// <summary>For <see cref="ExchangeCommandType.Order"/>: the order command.</summary>
    public OrderCommand Order;

    /// <summary>An order command (place, cancel, reduce or amend).</summary>
    public static ExchangeCommand ForOrder(in OrderCommand order, long timestampNanos) =>
        new() { Type = ExchangeCommandType.Order, Order = order, AccountId = order.AccountId, Timestamp = new Timestamp(timestampNanos) };

    /// <summary>A cash command (deposit, withdraw, pool supply/borrow/repay, isolated margin adjustment).</summary>
    public static ExchangeCommand Cash(ExchangeCommandType type, long accountId, long cashUnits, long timestampNanos) =>
        new() { Type = type, AccountId = accountId, Amount = cashUnits, Timestamp = new Timestamp(timestampNanos) };

    /// <summary>A command about an account with an integer argument (leverage, lots of collateral, e-mode flag).</summary>
    public static ExchangeCommand ForAccount(ExchangeCommandType type, long accountId, long amount, long timestampNanos) =>
        new() { Type = type, AccountId = accountId, Amount = amount, Timestamp = new Timestamp(timestampNanos) };

    /// <summary>Sets an account's margin mode.</summary>
    public static ExchangeCommand SetMode(long accountId, MarginMode mode, long timestampNanos) =>
        new() { Type = ExchangeCommandType.SetMarginMode, AccountId = accountId, MarginMode = mode, Timestamp = new Timestamp(timestampNanos) };

    /// <summary>A price command (index, mark, circuit-breaker reference).</summary>
    public static ExchangeCommand ForPrice(ExchangeCommandType type, long priceTicks, long timestampNanos) =>
        new() { Type = type, Price = new Price(priceTicks), Timestamp = new Timestamp(timestampNanos) };

    /// <summary>Advances the clock only.</summary>
    public static ExchangeCommand Tick(long timestampNanos) =>
        new() { Type = ExchangeCommandType.Tick, Timestamp = new Timestamp(timestampNanos) };

    /// <summary>Takes lots from a Dutch auction (see <see cref="ExchangeCommandType.AuctionTake"/>).</summary>
    public static ExchangeCommand TakeAuction(long bidderAccountId, long liquidationId, long lots, long limitPriceTicks, long timestampNanos) =>
        new()
        {
            Type = ExchangeCommandType.AuctionTake,
            AccountId = bidderAccountId,
            Target = liquidationId,
            Amount = lots,
            Price = new Price(limitPriceTicks),
            Timestamp = new Timestamp(timestampNanos),
        };
}
