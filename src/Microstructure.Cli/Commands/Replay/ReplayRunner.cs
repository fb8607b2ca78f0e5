using System.Diagnostics;
using System.Globalization;
using Microstructure.Analysis.Recording;
using Microstructure.Risk;
using Microstructure.Replay.Io;
using Microstructure.Replay.Output;

namespace Microstructure.Cli.Commands.Replay;

/// <summary>
/// Runs one replay with the command line's contract: the run directory (tape.csv, tape.parquet, summary.json — and,
/// with a leveraged population, <c>run/</c>: the same recorded run directory as <c>micro simulate</c>), the printed
/// summary, and exit codes — a bad input file is a one-line error naming file and line, and whatever the tapes
/// already hold stays on disk.
/// </summary>
internal static class ReplayRunner
{
    /// <summary>Runs <paramref name="replay"/> and prints its report.</summary>
    /// <param name="format">"lobster", "tardis" or "binance".</param>
    /// <param name="outDirectory">The run directory, or null.</param>
    /// <param name="recordAs">With a population: the recorded run's name (its directory is <c>run/</c> inside
    /// <paramref name="outDirectory"/>); null records nothing beyond the tape.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="replay">Runs the replay, writing to the tape and the observer it is given (each null when not wanted).</param>
    /// <returns>The exit code.</returns>
    public static int Run(string format, DirectoryInfo? outDirectory, string? recordAs, TextWriter output, TextWriter error, Func<TapeWriter?, IExchangeEventObserver?, ReplayReport> replay)
    {
        TapeWriter? tape = null;
        string? summaryPath = null;
        ReplayRunRecording? recording = null;
        try
        {
            if (outDirectory is not null)
            {
                Directory.CreateDirectory(outDirectory.FullName);
                tape = TapeWriter.CreateInRunDirectory(outDirectory.FullName);
                summaryPath = Path.Combine(outDirectory.FullName, "summary.json");
                if (recordAs is not null)
                {
                    recording = new ReplayRunRecording(Path.Combine(outDirectory.FullName, RecordedRunFolder), recordAs);
                }
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
            var report = replay(tape, recording);
            var elapsed = clock.Elapsed;
            report.TapeRows = tape?.Rows ?? 0;
            tape?.Dispose();
            tape = null;
            if (summaryPath is not null)
            {
                SummaryWriter.Write(summaryPath, report);
            }

            RunSummary? recorded = recording?.Complete();
            ReportPrinter.Print(report, elapsed, outDirectory?.FullName, output);
            if (recorded is not null)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"recorded run: {recorded.Liquidations:N0} liquidations in {recorded.Cascades:N0} cascade(s); report: {Path.Combine(recorded.Directory, "report.md")}"));
            }

            return report.TransitionsMismatched > 0 ? ExitCodes.ValidationMismatch : ExitCodes.Ok;
        }
        catch (Exception e) when (e is ReplayInputException or RunOutputException)
        {
            tape?.Dispose();
            if (summaryPath is not null)
            {
                SummaryWriter.WriteFailure(summaryPath, format, e.Message);
            }

            error.WriteLine($"error: {e.Message}");
            return ExitCodes.UserError;
        }
        finally
        {
            // Completed or not, the recorded run's tapes are closed (a replay stopped by bad input keeps them readable).
            recording?.Dispose();
        }
    }

    /// <summary>The recorded run directory inside a replay's run directory.</summary>
    public const string RecordedRunFolder = "run";

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
