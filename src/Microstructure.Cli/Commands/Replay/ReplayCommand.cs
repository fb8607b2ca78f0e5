using System.CommandLine;
using Microstructure.Cli.Output;

namespace Microstructure.Cli.Commands.Replay;

/// <summary>The <c>micro replay</c> group: one subcommand per historical format.</summary>
internal static class ReplayCommand
{
    /// <summary>Builds the group.</summary>
    /// <param name="signals">Cancels the replay (SIGINT, SIGTERM).</param>
    /// <returns>The command.</returns>
    public static Command Create(TerminationSignals signals)
    {
        var command = new Command("replay", "Replay historical order-book data into the engine, optionally validating it and injecting orders.");
        command.Subcommands.Add(LobsterReplayCommand.Create(signals));
        command.Subcommands.Add(TardisReplayCommand.Create(signals));
        command.Subcommands.Add(BinanceReplayCommand.Create(signals));
        return command;
    }
}
