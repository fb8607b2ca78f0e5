using System.CommandLine;
using Microstructure.Replay.Io;

namespace Microstructure.Cli.Commands.Replay;

/// <summary>Tick and lot size, order and price capacity options of the crypto (L2) replays, and the units injections are written in.</summary>
internal sealed class CryptoUnitOptions
{
    public Option<decimal> TickSize { get; } = new("--tick-size") { Description = "Price of one tick, e.g. 0.1 for BTCUSDT.", Required = true };

    public Option<decimal> LotSize { get; } = new("--lot-size") { Description = "Quantity of one lot, e.g. 0.001 for BTCUSDT.", Required = true };

    public Option<int> MaxOrders { get; } = MaxOrdersOption.Create();

    public Option<decimal?> MaxPrice { get; } = new("--max-price") { Description = "Highest price the book accepts, in the quote currency (default: 4x the first book's prices)." };

    public void AddTo(Command command)
    {
        command.Options.Add(TickSize);
        command.Options.Add(LotSize);
        command.Options.Add(MaxOrders);
        command.Options.Add(MaxPrice);
    }

    /// <summary>Checks the values; returns an error message or null.</summary>
    public string? Check(System.CommandLine.ParseResult parse)
    {
        if (parse.GetValue(TickSize) <= 0 || parse.GetValue(LotSize) <= 0)
        {
            return "--tick-size and --lot-size must be positive";
        }

        if (MaxOrdersOption.Check(parse.GetValue(MaxOrders)) is { } maxOrders)
        {
            return maxOrders;
        }

        return parse.GetValue(MaxPrice) is { } max && max < parse.GetValue(TickSize)
            ? "--max-price must be at least one tick (--tick-size)"
            : null;
    }

    /// <summary>--max-price in ticks (whole ticks at or below it), or null for the replay's default.</summary>
    public long? MaxPriceTicks(System.CommandLine.ParseResult parse)
    {
        if (parse.GetValue(MaxPrice) is not { } max)
        {
            return null;
        }

        var ticks = decimal.Floor(max / parse.GetValue(TickSize));
        return ticks > long.MaxValue ? long.MaxValue : (long)ticks;
    }

    public SourceUnits Units(System.CommandLine.ParseResult parse, TimeFormat time) =>
        new(time, DecimalUnit.From(parse.GetValue(TickSize)), DecimalUnit.From(parse.GetValue(LotSize)));
}
