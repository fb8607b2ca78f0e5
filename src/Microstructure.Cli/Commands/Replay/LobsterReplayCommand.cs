using System.CommandLine;
using Microstructure.Cli.Output;
using Microstructure.Engine.Matching;
using Microstructure.Replay.Injection;
using Microstructure.Replay.Io;
using Microstructure.Replay.Lobster;

namespace Microstructure.Cli.Commands.Replay;

/// <summary><c>micro replay lobster</c>: L3 replay of a LOBSTER message/orderbook pair.</summary>
internal static class LobsterReplayCommand
{
    /// <summary>The highest --max-price: 2^62 ticks of 0.0001 dollars.</summary>
    private static readonly decimal MaxDollars = MatchingEngine.MaxPriceRange / 10_000m;

    /// <summary>Builds the command.</summary>
    /// <param name="signals">Cancels the replay (SIGINT, SIGTERM).</param>
    /// <returns>The command.</returns>
    public static Command Create(TerminationSignals signals)
    {
        var messages = new Option<FileInfo>("--messages") { Description = "LOBSTER message file (.csv or .csv.gz).", Required = true };
        var book = new Option<FileInfo>("--book") { Description = "LOBSTER orderbook file of the same run (.csv or .csv.gz).", Required = true };
        var maxOrders = MaxOrdersOption.Create();
        var maxPrice = new Option<decimal?>("--max-price") { Description = "Highest price the book accepts, in dollars (default: 4x the first row's highest price)." };
        var common = new CommonReplayOptions();
        var population = new PopulationOptions();
        var command = new Command("lobster", "Replay LOBSTER (NASDAQ L3) order by order; --validate compares every transition with the orderbook file.");
        command.Options.Add(messages);
        command.Options.Add(book);
        common.AddTo(command);
        population.AddTo(command);
        command.Options.Add(maxOrders);
        command.Options.Add(maxPrice);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var validate = parse.GetValue(common.Validate);
            var inject = parse.GetValue(common.Inject);
            if (common.Check(parse) is { } commonProblem)
            {
                return ReplayAction.UserError(error, commonProblem);
            }

            if (population.Check(parse, common) is { } problem)
            {
                return ReplayAction.UserError(error, problem);
            }

            if (MaxOrdersOption.Check(parse.GetValue(maxOrders)) is { } maxOrdersProblem)
            {
                return ReplayAction.UserError(error, maxOrdersProblem);
            }

            if (parse.GetValue(maxPrice) is <= 0)
            {
                return ReplayAction.UserError(error, "--max-price must be positive");
            }

            // LOBSTER prices are dollars × 10,000: the book's ticks are 0.0001 dollars, at most 2^62 of them.
            if (parse.GetValue(maxPrice) is { } dollars && (dollars < 0.0001m || dollars > MaxDollars))
            {
                return ReplayAction.UserError(error, FormattableString.Invariant($"--max-price {dollars} must be between one tick (0.0001) and {MaxDollars} dollars (2^62 ticks of 0.0001)"));
            }

            string name = "lobster " + Path.GetFileNameWithoutExtension(parse.GetValue(messages)!.Name);
            return ReplayAction.Run("lobster", name, parse.GetValue(common.Out), population.IsSet(parse), output, error, signals, (tape, observer, cancellation) =>
            {
                var units = new SourceUnits(TimeFormat.Seconds, DecimalUnit.From(1m), DecimalUnit.From(1m));
                var options = new LobsterReplayOptions
                {
                    MessagesPath = parse.GetValue(messages)!.ToString(),
                    BookPath = parse.GetValue(book)!.ToString(),
                    Validate = validate,
                    Lenient = parse.GetValue(common.Lenient),
                    Injections = inject is null ? [] : InjectionFileReader.Read(inject.ToString(), units),
                    MaxOrders = parse.GetValue(maxOrders),
                    MaxPrice = parse.GetValue(maxPrice) is { } dollars ? (long)(dollars * 10_000m) : null,
                    Population = population.Read(parse, units),
                    Cancellation = cancellation,
                };
                return LobsterReplay.Run(options, tape, observer);
            });
        });
        return command;
    }
}
