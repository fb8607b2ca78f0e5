using System.CommandLine;
using Microstructure.Replay.Io;
using Microstructure.Replay.Population;

namespace Microstructure.Cli.Commands.Replay;

/// <summary>The options that put a leveraged population into a replay (the replay then runs through the risk layer).</summary>
internal sealed class PopulationOptions
{
    public Option<FileInfo?> Population { get; } = new("--population")
    {
        Description = "JSON spec of a leveraged population to open against the historical book, with its liquidation design (docs/replay.md).",
    };

    public Option<string?> Design { get; } = new("--design")
    {
        Description = $"Liquidation design that replaces the spec's {SharedOptions.DesignList}.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Population);
        command.Options.Add(Design);
    }

    /// <summary>Checks the combination with the common options; returns an error message or null.</summary>
    public string? Check(ParseResult parse, CommonReplayOptions common) =>
        parse.GetValue(Design) is not null && parse.GetValue(Population) is null ? "--design needs --population (it names the population's liquidation design)"
        : parse.GetValue(Population) is not null && parse.GetValue(common.Validate) ? "--validate cannot be combined with --population: a book with a leveraged population in it differs from the historical one by design"
        : null;

    /// <summary>Whether <c>--population</c> was given (the replay then runs through the risk layer and can be recorded).</summary>
    public bool IsSet(ParseResult parse) => parse.GetValue(Population) is not null;

    /// <summary>Reads the spec (null without <c>--population</c>); sizes, entry time and price are in the source's units.</summary>
    public PopulationSpec? Read(ParseResult parse, SourceUnits units) =>
        parse.GetValue(Population) is { } file ? PopulationSpecReader.Read(file.ToString(), units, parse.GetValue(Design)) : null;
}
