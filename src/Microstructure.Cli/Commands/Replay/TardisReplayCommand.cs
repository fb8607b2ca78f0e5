using System.CommandLine;
using Microstructure.Replay.Injection;
using Microstructure.Replay.Io;
using Microstructure.Replay.Tardis;

namespace Microstructure.Cli.Commands.Replay;

/// <summary><c>micro replay tardis</c>: L2 replay of Tardis CSV files.</summary>
internal static class TardisReplayCommand
{
    /// <summary>Builds the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var book = new Option<FileInfo>("--book-updates") { Description = "incremental_book_L2 file (.csv or .csv.gz).", Required = true };
        var snapshots = new Option<FileInfo?>("--snapshots") { Description = "book_snapshot_25 (or _5) file; --validate compares the rebuilt book with each row." };
        var trades = new Option<FileInfo?>("--trades") { Description = "trades file." };
        var liquidations = new Option<FileInfo?>("--liquidations") { Description = "liquidations file." };
        var ticker = new Option<FileInfo?>("--ticker") { Description = "derivative_ticker file (mark, index, funding, open interest)." };
        var units = new CryptoUnitOptions();
        var common = new CommonReplayOptions();
        var population = new PopulationOptions();
        var command = new Command("tardis", "Replay Tardis CSV (incremental_book_L2 with snapshot resets, plus trades, liquidations, derivative_ticker) as an L2 book.");
        foreach (var option in new Option[] { book, snapshots, trades, liquidations, ticker })
        {
            command.Options.Add(option);
        }

        units.AddTo(command);
        common.AddTo(command);
        population.AddTo(command);
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var validate = parse.GetValue(common.Validate);
            var inject = parse.GetValue(common.Inject);
            if (units.Check(parse) is { } problem)
            {
                return ReplayAction.UserError(error, problem);
            }

            if (population.Check(parse, common) is { } populationProblem)
            {
                return ReplayAction.UserError(error, populationProblem);
            }

            if (common.Check(parse) is { } commonProblem)
            {
                return ReplayAction.UserError(error, commonProblem);
            }

            if (validate && parse.GetValue(snapshots) is null)
            {
                return ReplayAction.UserError(error, "--validate needs --snapshots (a book_snapshot_25 file to compare with)");
            }

            string name = "tardis " + Path.GetFileNameWithoutExtension(parse.GetValue(book)!.Name);
            return ReplayAction.Run("tardis", name, parse.GetValue(common.Out), population.IsSet(parse), parse.InvocationConfiguration.Output, error, (tape, observer) => TardisReplay.Run(
                new TardisReplayOptions
                {
                    BookUpdatesPath = parse.GetValue(book)!.ToString(),
                    SnapshotsPath = parse.GetValue(snapshots)?.ToString(),
                    TradesPath = parse.GetValue(trades)?.ToString(),
                    LiquidationsPath = parse.GetValue(liquidations)?.ToString(),
                    TickerPath = parse.GetValue(ticker)?.ToString(),
                    TickSize = parse.GetValue(units.TickSize),
                    LotSize = parse.GetValue(units.LotSize),
                    Validate = validate,
                    Lenient = parse.GetValue(common.Lenient),
                    Injections = inject is null ? [] : InjectionFileReader.Read(inject.ToString(), units.Units(parse, TimeFormat.Microseconds)),
                    MaxOrders = parse.GetValue(units.MaxOrders),
                    MaxPrice = units.MaxPriceTicks(parse),
                    Population = population.Read(parse, units.Units(parse, TimeFormat.Microseconds)),
                },
                tape,
                observer));
        });
        return command;
    }
}
