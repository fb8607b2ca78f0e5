using System.CommandLine;

namespace Microstructure.Cli.Commands.Replay;

/// <summary>The <c>micro replay</c> group: one subcommand per historical format.</summary>
internal static class ReplayCommand
{
    /// <summary>Builds the group.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var command = new Command("replay", "Replay historical order-book data into the engine, optionally validating it and injecting orders.");
        command.Subcommands.Add(LobsterReplayCommand.Create());
        command.Subcommands.Add(TardisReplayCommand.Create());
        command.Subcommands.Add(BinanceReplayCommand.Create());
        return command;
    }
}
