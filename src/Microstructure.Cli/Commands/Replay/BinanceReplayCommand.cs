using System.CommandLine;
using Microstructure.Replay.Binance;
using Microstructure.Replay.Injection;
using Microstructure.Replay.Io;

namespace Microstructure.Cli.Commands.Replay;

/// <summary><c>micro replay binance</c>: L2 replay of Binance USDⓈ-M depth (snapshot + diff stream).</summary>
internal static class BinanceReplayCommand
{
    /// <summary>Builds the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var snapshots = new Option<FileInfo>("--snapshots") { Description = "JSON lines of REST depth snapshots (ascending lastUpdateId).", Required = true };
        var updates = new Option<FileInfo>("--updates") { Description = "JSON lines of depthUpdate events (raw or combined-stream).", Required = true };
        var units = new CryptoUnitOptions();
        var common = new CommonReplayOptions();
        var population = new PopulationOptions();
        var command = new Command("binance", "Replay Binance USD-M depth with the update-id rules; gaps are reported and resynced from later snapshots.");
        command.Options.Add(snapshots);
        command.Options.Add(updates);
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

            string name = "binance " + Path.GetFileNameWithoutExtension(parse.GetValue(updates)!.Name);
            return ReplayAction.Run("binance", name, parse.GetValue(common.Out), population.IsSet(parse), parse.InvocationConfiguration.Output, error, (tape, observer) => BinanceReplay.Run(
                new BinanceReplayOptions
                {
                    SnapshotsPath = parse.GetValue(snapshots)!.ToString(),
                    UpdatesPath = parse.GetValue(updates)!.ToString(),
                    TickSize = parse.GetValue(units.TickSize),
                    LotSize = parse.GetValue(units.LotSize),
                    Validate = validate,
                    Lenient = parse.GetValue(common.Lenient),
                    Injections = inject is null ? [] : InjectionFileReader.Read(inject.ToString(), units.Units(parse, TimeFormat.Milliseconds)),
                    MaxOrders = parse.GetValue(units.MaxOrders),
                    MaxPrice = units.MaxPriceTicks(parse),
                    Population = population.Read(parse, units.Units(parse, TimeFormat.Milliseconds)),
                },
                tape,
                observer));
        });
        return command;
    }
}
