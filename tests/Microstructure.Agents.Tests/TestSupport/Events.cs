namespace Microstructure.Agents.Tests.TestSupport;

/// <summary>Exchange events as the kernel would deliver them.</summary>
internal static class Events
{
    public static ExchangeEvent Accepted(long account, long order, Side side = Side.Buy, long price = 0, long lots = 0) => new()
    {
        Type = ExchangeEventType.Accepted, AccountId = account, OrderId = new OrderId(order), Side = side, Price = new Price(price), Quantity = new Quantity(lots),
    };

    /// <summary>A trade: the taker's order on <paramref name="side"/> hits the maker's.</summary>
    public static ExchangeEvent Trade(long taker, long takerOrder, long maker, long makerOrder, Side side, long price, long lots, long takerLeft = 0, long makerLeft = 0) => new()
    {
        Type = ExchangeEventType.Trade,
        AccountId = taker,
        OrderId = new OrderId(takerOrder),
        MakerAccountId = maker,
        MakerOrderId = new OrderId(makerOrder),
        Side = side,
        Price = new Price(price),
        Quantity = new Quantity(lots),
        RemainingQuantity = new Quantity(takerLeft),
        MakerRemainingQuantity = new Quantity(makerLeft),
    };

    public static ExchangeEvent Cancelled(long account, long order) => new() { Type = ExchangeEventType.Cancelled, AccountId = account, OrderId = new OrderId(order) };

    public static ExchangeEvent RiskRejected(long account, long order = 0) => new() { Type = ExchangeEventType.RiskRejected, AccountId = account, OrderId = new OrderId(order) };

    public static ExchangeEvent Deposit(long account, long cash) => new() { Type = ExchangeEventType.Deposit, AccountId = account, Amount = cash };

    public static ExchangeEvent Triggered(long account, long liquidation) => new()
    {
        Type = ExchangeEventType.LiquidationTriggered, AccountId = account, LiquidationId = liquidation,
    };

    public static ExchangeEvent Finished(long account, long liquidation, long lotsLeft, long equity) => new()
    {
        Type = ExchangeEventType.LiquidationFinished, AccountId = account, LiquidationId = liquidation, PositionLots = lotsLeft, Equity = equity,
    };

    public static ExchangeEvent Takeover(long account, long receiver, Side closingSide, long lots, long price) => new()
    {
        Type = ExchangeEventType.Takeover, AccountId = account, CounterpartyAccountId = receiver, Side = closingSide, Quantity = new Quantity(lots), Price = new Price(price),
    };

    public static ExchangeEvent Pool(ExchangeEventType type, long account, long amount, long lots, long collateralAfter, long debtAfter) => new()
    {
        Type = type, AccountId = account, Amount = amount, Quantity = new Quantity(lots), PositionLots = collateralAfter, Equity = debtAfter,
    };

    public static ExchangeEvent Auction(ExchangeEventType type, long liquidated, long liquidation, Side accountSide, long price, long lotsLeft) => new()
    {
        Type = type, AccountId = liquidated, LiquidationId = liquidation, Side = accountSide, Price = new Price(price), Quantity = new Quantity(lotsLeft),
    };
}
