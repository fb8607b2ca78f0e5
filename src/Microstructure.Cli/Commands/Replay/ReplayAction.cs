using System.Globalization;
using Microstructure.Analysis.Recording;
using Microstructure.Cli.Output;
using Microstructure.Replay.Io;
using Microstructure.Replay.Output;
using Microstructure.Replay.Population;
using Microstructure.Runner.Replay;

namespace Microstructure.Cli.Commands.Replay;

/// <summary>
/// The command line's side of a replay: runs it through the runner (<see cref="ReplayRunner"/>, which writes the output
/// directory), prints the summary, and maps the outcome to exit codes — a bad input file is a one-line error naming
/// file and line, and whatever the tapes already hold stays on disk.
/// </summary>
internal static class ReplayAction
{
    /// <summary>Runs <paramref name="replay"/> and prints its report.</summary>
    /// <param name="format">"lobster", "tardis" or "binance".</param>
    /// <param name="name">The run's name (summary.json; the recorded run's name with a population).</param>
    /// <param name="outDirectory">The output directory, or null.</param>
    /// <param name="hasPopulation">Whether the replay has a leveraged population (then <c>run/</c> is recorded).</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="signals">Cancels the replay (SIGINT, SIGTERM): its options take the token.</param>
    /// <param name="replay">
    /// Runs the replay, writing to the tape and the observer it is given (each null when not wanted) and stopping when
    /// the token it is given is cancelled.
    /// </param>
    /// <returns>The exit code.</returns>
    public static int Run(
        string format,
        string name,
        DirectoryInfo? outDirectory,
        bool hasPopulation,
        TextWriter output,
        TextWriter error,
        TerminationSignals signals,
        Func<IReplayTape?, IPopulationObserver?, CancellationToken, ReplayReport> replay)
    {
        ReplayOutcome outcome;
        CancellationToken token = signals.Token;
        try
        {
            var request = new ReplayRequest { Format = format, Name = name, Directory = outDirectory?.FullName, HasPopulation = hasPopulation, CancellationToken = token };
            outcome = ReplayRunner.Run(request, (tape, observer) => replay(tape, observer, token));
        }
        catch (Exception e) when (e is ReplayInputException or RunOutputException)
        {
            return UserError(error, e.Message);
        }

        ReportPrinter.Print(outcome, output);
        if (outcome.Recorded is { } recorded)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"recorded run: {recorded.Liquidations:N0} liquidations in {recorded.Cascades:N0} cascade(s); report: {Path.Combine(recorded.Directory, "report.md")}"));
        }

        if (outcome.Cancelled)
        {
            error.WriteLine(outcome.Directory is { } directory
                ? $"cancelled: the counts above cover the replay until it stopped; the tapes (closed, readable) and summary.json marked cancelled are in {directory}"
                : "cancelled: the counts above cover the replay until it stopped");
            return signals.ExitCode;
        }

        return outcome.Report.TransitionsMismatched > 0 ? ExitCodes.ValidationMismatch : ExitCodes.Ok;
    }

    /// <summary>Reports an argument combination that cannot work.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns><see cref="ExitCodes.UserError"/>.</returns>
    public static int UserError(TextWriter error, string message)
    {
        error.WriteLine($"error: {PrintableText.Of(message)}");
        return ExitCodes.UserError;
    }
}
