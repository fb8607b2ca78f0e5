namespace Microstructure.Engine.Tests.Processing;

/// <summary>Seeded random command streams that exercise every command and order type, for pipeline tests.</summary>
internal static class CommandStreams
{
    public static readonly InstrumentSpec Instrument =
        new("TEST", 0.01m, 1m, new Price(1), new Price(1_000_000), new Quantity(1_000_000));

    public static OrderCommand[] Random(int seed, int count)
    {
        var random = new Random(seed);
        var commands = new OrderCommand[count];
        long nextId = 1;
        for (int i = 0; i < count; i++)
        {
            int roll = random.Next(100);
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            long price = 1_000 + random.Next(-10, 11);
            long existing = nextId > 1 ? random.NextInt64(1, nextId) : 1;

            // Orders belong to account id % 5, and cancels, reduces and amends mostly come from the owner (a tenth from
            // another account, for NotOwner), so they really change the book.
            long owner = random.Next(10) == 0 ? random.Next(5) : existing % 5;
            commands[i] = roll switch
            {
                < 45 => new OrderCommand
                {
                    Type = CommandType.Place,
                    OrderType = random.Next(10) switch { 0 => OrderType.Market, 1 => OrderType.StopMarket, 2 => OrderType.StopLimit, _ => OrderType.Limit },
                    TimeInForce = (TimeInForce)random.Next(3),
                    Flags = random.Next(8) == 0 ? OrderFlags.PostOnly : OrderFlags.None,
                    SelfTradePrevention = (SelfTradePrevention)random.Next(5),
                    Side = side,
                    OrderId = new OrderId(nextId),
                    AccountId = nextId++ % 5,
                    Price = new Price(price),
                    StopPrice = new Price(price + (side == Side.Buy ? 2 : -2)),
                    Quantity = new Quantity(random.Next(1, 20)),
                },
                < 70 => new OrderCommand { Type = CommandType.Cancel, OrderId = new OrderId(existing), AccountId = owner },
                < 80 => new OrderCommand { Type = CommandType.Reduce, OrderId = new OrderId(existing), AccountId = owner, Quantity = new Quantity(random.Next(1, 5)) },
                _ => new OrderCommand
                {
                    Type = CommandType.Amend,
                    OrderId = new OrderId(existing),
                    AccountId = owner,
                    Price = new Price(price),
                    Quantity = new Quantity(random.Next(1, 20)),
                },
            };
            commands[i].Timestamp = new Timestamp(1_000L * i);
        }

        return commands;
    }
}
