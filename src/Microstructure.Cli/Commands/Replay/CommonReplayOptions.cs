using System.CommandLine;

namespace Microstructure.Cli.Commands.Replay;

/// <summary>The options every replay subcommand shares.</summary>
internal sealed class CommonReplayOptions
{
    public Option<bool> Validate { get; } = new("--validate") { Description = "Compare the rebuilt book with the source's own book and report the first mismatch precisely." };

    public Option<bool> Lenient { get; } = new("--lenient") { Description = "Skip bad lines (count and report them) instead of stopping at the first." };

    public Option<FileInfo?> Inject { get; } = new("--inject") { Description = "CSV of orders to inject (time,kind,side,quantity,price,label), in the source's units." };

    public Option<DirectoryInfo?> Out { get; } = SharedOptions.Out("tape/replay.csv, tape/replay.parquet and summary.json (with --population also run/, the recorded run directory of micro simulate)", "none: without --out a replay writes nothing and only prints its report");

    /// <summary>What is wrong with the shared options together, or null.</summary>
    /// <param name="parse">The parsed command line.</param>
    public string? Check(ParseResult parse) =>
        parse.GetValue(Validate) && parse.GetValue(Inject) is not null
            ? "--validate cannot be combined with --inject: a book with injected orders differs from the historical one by design"
            : null;

    /// <summary>Adds the shared options to <paramref name="command"/>.</summary>
    /// <param name="command">A replay subcommand.</param>
    public void AddTo(Command command)
    {
        command.Options.Add(Validate);
        command.Options.Add(Lenient);
        command.Options.Add(Inject);
        command.Options.Add(Out);
    }
}
