using System.CommandLine;
using Microstructure.Replay.Io;

namespace Microstructure.Cli.Commands.Replay;

/// <summary>Tick and lot size options of the crypto (L2) replays, and the units injections are written in.</summary>
internal sealed class CryptoUnitOptions
{
    public Option<decimal> TickSize { get; } = new("--tick-size") { Description = "Price of one tick, e.g. 0.1 for BTCUSDT.", Required = true };

    public Option<decimal> LotSize { get; } = new("--lot-size") { Description = "Quantity of one lot, e.g. 0.001 for BTCUSDT.", Required = true };

    public Option<int> MaxOrders { get; } = MaxOrdersOption.Create();

    public void AddTo(Command command)
    {
        command.Options.Add(TickSize);
        command.Options.Add(LotSize);
        command.Options.Add(MaxOrders);
    }

    /// <summary>Checks the values; returns an error message or null.</summary>
    public string? Check(System.CommandLine.ParseResult parse) =>
        parse.GetValue(TickSize) <= 0 || parse.GetValue(LotSize) <= 0
            ? "--tick-size and --lot-size must be positive"
            : MaxOrdersOption.Check(parse.GetValue(MaxOrders));

    public SourceUnits Units(System.CommandLine.ParseResult parse, TimeFormat time) =>
        new(time, DecimalUnit.From(parse.GetValue(TickSize)), DecimalUnit.From(parse.GetValue(LotSize)));
}
