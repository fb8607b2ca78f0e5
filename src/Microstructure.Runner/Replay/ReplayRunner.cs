using System.Diagnostics;
using Microstructure.Analysis.Recording;
using Microstructure.Analysis.Reports;
using Microstructure.Replay.Io;
using Microstructure.Replay.Output;
using Microstructure.Replay.Population;
using Microstructure.Runner.Catalog;
using Microstructure.Runner.Recording;

namespace Microstructure.Runner.Replay;

/// <summary>
/// Runs one replay end to end and records it — the replay's counterpart of <see cref="RecordedSimulation"/>. The
/// output directory (docs/outputs.md, "Replay directory") holds <c>tape/replay.csv</c> and <c>tape/replay.parquet</c>
/// (the replay's own rows, through the recorder's table writer), <c>summary.json</c> (a recorded run's shape with a
/// <c>replay</c> section) and, with a leveraged population, <c>run/</c>: the exchange's events recorded by the same
/// recorder as a simulation's.
/// </summary>
/// <remarks>
/// A plain replay without an output directory gets a null tape and a null observer, so its hot loop is the reader
/// library's alone. Bad input stops the replay with a <see cref="ReplayInputException"/>; before it propagates, the
/// tape is closed (what it holds stays readable) and summary.json says the run failed and why. A cancelled replay
/// (its report says so) or a recorded run whose analysis is cancelled (<see cref="ReplayRequest.CancellationToken"/>)
/// ends the same way with <c>"status": "cancelled"</c> and <see cref="ReplayOutcome.Cancelled"/>.
/// </remarks>
public static class ReplayRunner
{
    /// <summary>The folder of the replay's tape inside the output directory (as in a recorded run).</summary>
    public const string TapeFolder = "tape";

    /// <summary>The tape table's name: <c>tape/replay.csv</c> and <c>tape/replay.parquet</c>.</summary>
    public const string TapeTable = "replay";

    /// <summary>The summary file inside the output directory.</summary>
    public const string SummaryFile = "summary.json";

    /// <summary>The recorded run directory inside the output directory (with a population).</summary>
    public const string RecordedRunFolder = "run";

    /// <summary>Runs <paramref name="replay"/> with the tape and observer the request calls for.</summary>
    /// <param name="request">Name, format, output directory, population.</param>
    /// <param name="replay">Runs the replay, writing to the tape and the observer it is given (each null when not wanted).</param>
    /// <returns>The report, the wall time and what was written.</returns>
    /// <exception cref="ReplayInputException">Bad input (summary.json, if any, says the run failed).</exception>
    /// <exception cref="RunOutputException">The output directory is not new or empty, or a file cannot be written.</exception>
    public static ReplayOutcome Run(ReplayRequest request, Func<IReplayTape?, IPopulationObserver?, ReplayReport> replay)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(replay);
        string? root = request.Directory is null ? null : OutputDirectory.RequireNewOrEmpty(request.Directory);
        var options = request.Recorder ?? new RecorderOptions();
        ReplayTapeFile? tape = null;
        ReplayRunRecording? recording = null;
        try
        {
            if (root is not null)
            {
                tape = ReplayTapeFile.Create(Path.Combine(root, TapeFolder), TapeTable, options);
                if (request.HasPopulation)
                {
                    recording = new ReplayRunRecording(Path.Combine(root, RecordedRunFolder), request.Name, options);
                }
            }

            var clock = Stopwatch.StartNew();
            var report = replay(tape, recording);
            var elapsed = clock.Elapsed;
            long rows = tape?.Rows ?? 0;
            tape?.Dispose();
            bool cancelled = report.Cancelled;
            RunSummary? recorded = null;
            if (cancelled)
            {
                recording?.CloseCancelled();
            }
            else
            {
                try
                {
                    recorded = recording?.Complete(request.CancellationToken);
                }
                catch (OperationCanceledException) when (request.CancellationToken.IsCancellationRequested)
                {
                    // run/summary.json says the analysis was cancelled; the replay itself had reached its end.
                    cancelled = true;
                }
            }

            if (root is not null)
            {
                Save(root, ReplaySummaryJson.Build(request, report, rows, Files(root, tape, recorded, cancelled && recording is { Started: true }), cancelled));
                if (!cancelled)
                {
                    RunCatalog.WriteReplay(root, request.Format, request.Name, recorded is null ? null : RecordedRunFolder);
                }
            }

            return new ReplayOutcome(report, elapsed, rows, recorded, root) { Cancelled = cancelled };
        }
        catch (Exception e) when (root is not null && e is ReplayInputException or RunOutputException)
        {
            CloseAfterFailure(tape);
            SaveAfterFailure(root, ReplaySummaryJson.Failure(request, e.Message, Files(root, tape, recorded: null)));
            throw;
        }
        finally
        {
            // Completed or not, the recorded run's tapes are closed (a replay stopped by bad input keeps them readable).
            recording?.Dispose();
        }
    }

    /// <summary>The files of the output directory, relative with forward slashes: summary.json, the tape, the recorded run's entry points.</summary>
    private static List<string> Files(string root, ReplayTapeFile? tape, RunSummary? recorded, bool cancelledRun = false)
    {
        var files = new List<string> { SummaryFile };
        if (tape is not null)
        {
            files.AddRange(tape.Paths.Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')));
        }

        if (recorded is not null)
        {
            files.Add($"{RecordedRunFolder}/summary.json");
            files.Add($"{RecordedRunFolder}/report.md");
        }
        else if (cancelledRun)
        {
            files.Add($"{RecordedRunFolder}/summary.json");
        }

        return files;
    }

    private static void CloseAfterFailure(ReplayTapeFile? tape)
    {
        try
        {
            tape?.Dispose();
        }
        catch (RunOutputException)
        {
            // The replay's own failure is the one to report; the tape keeps whatever it could write.
        }
    }

    private static void SaveAfterFailure(string root, JsonSummary summary)
    {
        try
        {
            Save(root, summary);
        }
        catch (RunOutputException)
        {
            // The replay's own failure is the one to report.
        }
    }

    private static void Save(string root, JsonSummary summary)
    {
        string path = Path.Combine(root, SummaryFile);
        try
        {
            summary.Save(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RunOutputException(path, $"Cannot write '{path}': {ex.Message}", ex);
        }
    }
}
