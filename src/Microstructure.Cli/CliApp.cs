using System.CommandLine;
using Microstructure.Cli.Commands;
using Microstructure.Cli.Commands.Compare;
using Microstructure.Cli.Commands.Replay;
using Microstructure.Cli.Commands.Simulate;
using Microstructure.Cli.Output;

namespace Microstructure.Cli;

/// <summary>
/// Builds the <c>micro</c> command tree and runs it with the exit-code contract of <see cref="ExitCodes"/>. Each
/// command lives in its own class that builds its <see cref="Command"/>: simulate, compare and replay.
/// </summary>
internal static class CliApp
{
    /// <summary>The root command with every command group.</summary>
    /// <param name="signals">Cancels the runs (SIGINT, SIGTERM).</param>
    /// <returns>The root.</returns>
    public static RootCommand BuildRoot(TerminationSignals signals)
    {
        var root = new RootCommand("Microstructure: order-book market-microstructure simulator and historical replay.");
        root.Subcommands.Add(SimulateCommand.Create(signals));
        root.Subcommands.Add(CompareCommand.Create(signals));
        root.Subcommands.Add(Commands.Sweep.SweepCommand.Create(signals));
        root.Subcommands.Add(Commands.Query.QueryCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create(signals));
        root.Subcommands.Add(Commands.Cluster.ClusterCommand.Create(signals));
        root.Subcommands.Add(Commands.Predict.PredictCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/> with no signal handling (in-process use); returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        using var signals = TerminationSignals.None();
        return Run(args, output, error, signals);
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="signals">Cancels the run: SIGINT and SIGTERM in the process (<see cref="TerminationSignals.Listen"/>).</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, TerminationSignals signals)
    {
        var parse = BuildRoot(signals).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line naming what is wrong; usage is one --help away, not dumped on every typo. A mistyped command also
            // yields "Required command was not provided." first; the unrecognized token is the useful one.
            var first = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            error.WriteLine($"error: {PrintableText.Of(first.Message)} (run with --help for usage)");
            return ExitCodes.UserError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error.WriteLine($"internal error (a bug, please report it): {e}");
            return ExitCodes.InternalError;
        }
    }
}
