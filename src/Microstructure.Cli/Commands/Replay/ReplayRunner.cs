using System.Diagnostics;
using Microstructure.Replay.Io;
using Microstructure.Replay.Output;

namespace Microstructure.Cli.Commands.Replay;

/// <summary>
/// Runs one replay with the command line's contract: the run directory (tape.csv, tape.parquet, summary.json), the printed
/// summary, and exit codes — a bad input file is a one-line error naming file and line, and whatever the tape
/// already holds stays on disk.
/// </summary>
internal static class ReplayRunner
{
    /// <summary>Runs <paramref name="replay"/> and prints its report.</summary>
    /// <param name="format">"lobster", "tardis" or "binance".</param>
    /// <param name="outDirectory">The run directory, or null.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="replay">Runs the replay, writing to the tape it is given (null without a run directory).</param>
    /// <returns>The exit code.</returns>
    public static int Run(string format, DirectoryInfo? outDirectory, TextWriter output, TextWriter error, Func<TapeWriter?, ReplayReport> replay)
    {
        TapeWriter? tape = null;
        string? summaryPath = null;
        try
        {
            if (outDirectory is not null)
            {
                Directory.CreateDirectory(outDirectory.FullName);
                tape = TapeWriter.CreateInRunDirectory(outDirectory.FullName);
                summaryPath = Path.Combine(outDirectory.FullName, "summary.json");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write the run directory {outDirectory!.FullName}: {e.Message}");
            return ExitCodes.UserError;
        }

        try
        {
            var clock = Stopwatch.StartNew();
            var report = replay(tape);
            var elapsed = clock.Elapsed;
            report.TapeRows = tape?.Rows ?? 0;
            tape?.Dispose();
            tape = null;
            if (summaryPath is not null)
            {
                SummaryWriter.Write(summaryPath, report);
            }

            ReportPrinter.Print(report, elapsed, outDirectory?.FullName, output);
            return report.TransitionsMismatched > 0 ? ExitCodes.ValidationMismatch : ExitCodes.Ok;
        }
        catch (ReplayInputException e)
        {
            tape?.Dispose();
            if (summaryPath is not null)
            {
                SummaryWriter.WriteFailure(summaryPath, format, e.Message);
            }

            error.WriteLine($"error: {e.Message}");
            return ExitCodes.UserError;
        }
    }

    /// <summary>Reports an argument combination that cannot work.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns><see cref="ExitCodes.UserError"/>.</returns>
    public static int UserError(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return ExitCodes.UserError;
    }
}
