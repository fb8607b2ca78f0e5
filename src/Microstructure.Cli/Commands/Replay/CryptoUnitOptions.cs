using System.CommandLine;
using System.Globalization;
using Microstructure.Engine.Matching;
using Microstructure.Replay.Io;

namespace Microstructure.Cli.Commands.Replay;

/// <summary>Tick and lot size options of the crypto (L2) replays, the book's price cap and capacity, and the units injections are written in.</summary>
internal sealed class CryptoUnitOptions
{
    public Option<decimal> TickSize { get; } = new("--tick-size") { Description = "Price of one tick, e.g. 0.1 for BTCUSDT (at most 18 decimals).", Required = true };

    public Option<decimal> LotSize { get; } = new("--lot-size") { Description = "Quantity of one lot, e.g. 0.001 for BTCUSDT (at most 18 decimals).", Required = true };

    public Option<int> MaxOrders { get; } = MaxOrdersOption.Create();

    public Option<decimal?> MaxPrice { get; } = new("--max-price") { Description = "Highest price the book accepts, in the feed's price unit (default: 4x the first price)." };

    public void AddTo(Command command)
    {
        command.Options.Add(TickSize);
        command.Options.Add(LotSize);
        command.Options.Add(MaxOrders);
        command.Options.Add(MaxPrice);
    }

    /// <summary>Checks the values; returns an error message naming the option, or null.</summary>
    public string? Check(ParseResult parse)
    {
        if (parse.GetValue(TickSize) <= 0 || parse.GetValue(LotSize) <= 0 || parse.GetValue(MaxPrice) is <= 0)
        {
            return "--tick-size, --lot-size and --max-price must be positive";
        }

        if (MaxOrdersOption.Check(parse.GetValue(MaxOrders)) is { } maxOrders)
        {
            return maxOrders;
        }

        return UnitProblem("--tick-size", parse.GetValue(TickSize)) ?? UnitProblem("--lot-size", parse.GetValue(LotSize)) ?? MaxPriceProblem(parse);
    }

    public SourceUnits Units(ParseResult parse, TimeFormat time) =>
        new(time, DecimalUnit.From(parse.GetValue(TickSize)), DecimalUnit.From(parse.GetValue(LotSize)));

    /// <summary>--max-price in ticks (rounded down), or null for the replay's default; call after <see cref="Check"/>.</summary>
    public long? MaxPriceTicks(ParseResult parse) =>
        parse.GetValue(MaxPrice) is { } price ? (long)decimal.Floor(price / parse.GetValue(TickSize)) : null;

    /// <summary>Why a tick or lot size cannot be an exact unit (too many digits, too large), or null.</summary>
    private static string? UnitProblem(string option, decimal value)
    {
        try
        {
            DecimalUnit.From(value);
            return null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return $"{option} {value.ToString(CultureInfo.InvariantCulture)}: must have at most 18 decimals and 18 significant digits and be at most 10^18 (e.g. 0.00001)";
        }
    }

    private string? MaxPriceProblem(ParseResult parse)
    {
        if (parse.GetValue(MaxPrice) is not { } price)
        {
            return null;
        }

        var tick = parse.GetValue(TickSize);
        return price < tick
            ? $"--max-price {price.ToString(CultureInfo.InvariantCulture)} is below one tick ({tick.ToString(CultureInfo.InvariantCulture)})"
            : price / MatchingEngine.MaxPriceRange > tick
                ? $"--max-price {price.ToString(CultureInfo.InvariantCulture)} is more than 2^62 ticks of {tick.ToString(CultureInfo.InvariantCulture)} (at most {(MatchingEngine.MaxPriceRange * tick).ToString(CultureInfo.InvariantCulture)}): lower it or pass a larger --tick-size"
                : null;
    }
}
