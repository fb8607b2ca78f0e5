namespace Microstructure.Agents.Tests.TestSupport;

/// <summary>Exchange events as the kernel would deliver them.</summary>
internal static class Events
{
    public static ExchangeEvent Accepted(long account, long order, Side side = Side.Buy, long price = 0, long lots = 0) => new()
    {
        Type = ExchangeEventType.Accepted,
        Engine =
        {
            AccountId = account,
            OrderId = new OrderId(order),
            Side = side,
            Price = new Price(price),
            Quantity = new Quantity(lots),
        },
    };

    /// <summary>A trade: the taker's order on <paramref name="side"/> hits the maker's; settlement left each side the given cash.</summary>
    public static ExchangeEvent Trade(
        long taker,
        long takerOrder,
        long maker,
        long makerOrder,
        Side side,
        long price,
        long lots,
        long takerLeft = 0,
        long makerLeft = 0,
        long takerBalance = 0,
        long makerBalance = 0) => new()
    {
        Type = ExchangeEventType.Trade,
        TakerBalance = takerBalance,
        MakerBalance = makerBalance,
        Engine =
        {
            AccountId = taker,
            OrderId = new OrderId(takerOrder),
            MakerAccountId = maker,
            MakerOrderId = new OrderId(makerOrder),
            Side = side,
            Price = new Price(price),
            Quantity = new Quantity(lots),
            RemainingQuantity = new Quantity(takerLeft),
            MakerRemainingQuantity = new Quantity(makerLeft),
        },
    };

    public static ExchangeEvent Cancelled(long account, long order) => new() { Type = ExchangeEventType.Cancelled, Engine = { AccountId = account, OrderId = new OrderId(order) } };

    public static ExchangeEvent RiskRejected(long account, long order = 0) => new() { Type = ExchangeEventType.RiskRejected, Engine = { AccountId = account, OrderId = new OrderId(order) } };

    public static ExchangeEvent Deposit(long account, long cash) => new() { Type = ExchangeEventType.Deposit, Amount = cash, Engine = { AccountId = account } };

    public static ExchangeEvent Triggered(long account, long liquidation) => new()
    {
        Type = ExchangeEventType.LiquidationTriggered,
        LiquidationId = liquidation,
        Engine =
        {
            AccountId = account,
        },
    };

    public static ExchangeEvent Finished(long account, long liquidation, long lotsLeft, long equity) => new()
    {
        Type = ExchangeEventType.LiquidationFinished,
        LiquidationId = liquidation,
        PositionLots = lotsLeft,
        Equity = equity,
        Engine =
        {
            AccountId = account,
        },
    };

    public static ExchangeEvent Takeover(long account, long receiver, Side closingSide, long lots, long price) => new()
    {
        Type = ExchangeEventType.Takeover,
        CounterpartyAccountId = receiver,
        Engine =
        {
            AccountId = account,
            Side = closingSide,
            Quantity = new Quantity(lots),
            Price = new Price(price),
        },
    };

    public static ExchangeEvent Pool(ExchangeEventType type, long account, long amount, long lots, long collateralAfter, long debtAfter) => new()
    {
        Type = type,
        Amount = amount,
        PositionLots = collateralAfter,
        Equity = debtAfter,
        Engine =
        {
            AccountId = account,
            Quantity = new Quantity(lots),
        },
    };

    public static ExchangeEvent Auction(ExchangeEventType type, long liquidated, long liquidation, Side accountSide, long price, long lotsLeft) => new()
    {
        Type = type,
        LiquidationId = liquidation,
        Engine =
        {
            AccountId = liquidated,
            Side = accountSide,
            Price = new Price(price),
            Quantity = new Quantity(lotsLeft),
        },
    };
}
