using System.Globalization;
using Microstructure.Runner.Sweeps;
using Microstructure.Simulation.Running;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Cluster;

/// <summary>A validated run request: what a silo executes; <paramref name="SharedDirectory"/> is set with keep all.</summary>
internal sealed record RunJob(RunRequest Request, Scenario Scenario, SweepKeep Keep, string? SharedDirectory = null);

/// <summary>
/// What a silo does with a request, apart from Orleans: validate it as the CLI validates a sweep (the scenario
/// content with the point applied, the design, the duration, the key against the content), run it into a scratch
/// directory with the sweep's own recording and pruning, and return the kept files.
/// </summary>
internal static class RunWorker
{
    /// <summary>Null when <paramref name="request"/> is a valid run for the grain <paramref name="grainKey"/> (then <paramref name="job"/> is set); else the one-line reason.</summary>
    public static string? Validate(RunRequest? request, string grainKey, out RunJob job)
    {
        job = null!;
        if (request is null)
        {
            return "malformed run request: no request";
        }

        if (request.Key is not { Length: 16 } key || !key.All(char.IsAsciiHexDigitLower))
        {
            return $"malformed run request: key must be 16 lowercase hex digits; got '{Printable(request.Key)}'";
        }

        if (key != grainKey)
        {
            return $"malformed run request: key '{key}' sent to the run grain '{Printable(grainKey)}'";
        }

        if (request.Scenario is not { Length: > 0 } || request.PointPaths is null || request.PointValues is null
            || request.PointPaths.Length != request.PointValues.Length || request.PointPaths.Any(p => p is null) || request.PointValues.Any(v => v is null)
            || string.IsNullOrEmpty(request.Design) || string.IsNullOrEmpty(request.ScenarioName))
        {
            return "malformed run request: scenario content, scenario name, design and one value per point path are required";
        }

        if (request.DurationSeconds is { } duration && !(duration >= 0.001 && duration <= 31_536_000))
        {
            return string.Create(CultureInfo.InvariantCulture, $"--duration must be between 0.001 and 31,536,000 seconds; got {duration}");
        }

        SweepKeep keep;
        switch (request.Keep)
        {
            case "summary": keep = SweepKeep.Summary; break;
            case "liquidations": keep = SweepKeep.Liquidations; break;
            case "all" when request.SharedDirectory is not null: keep = SweepKeep.All; break;
            case "all": return "malformed run request: keep all needs a shared directory (--shared-dir): full tapes are not shipped back";
            default: return $"malformed run request: keep must be summary, liquidations or all; got '{Printable(request.Keep)}'";
        }

        if (CheckShared(request.SharedDirectory, keep) is { } sharedProblem)
        {
            return sharedProblem;
        }

        var point = request.PointPaths.Zip(request.PointValues, (p, v) => new KeyValuePair<string, string>(p, v)).ToList();
        Scenario scenario;
        try
        {
            scenario = ScenarioOverrides.Parse(request.Scenario, request.ScenarioName, point);
            scenario.ResolveDesign(request.Design);
        }
        catch (ScenarioException e)
        {
            return e.Message;
        }

        string expected = SweepRun.KeyOf(request.Scenario, point, request.Design, request.Seed, request.DurationSeconds, scenario.ModelDigest);
        if (expected != key)
        {
            return $"malformed run request: key '{key}' does not match its content (expected '{expected}'): client and silo differ in version, or the request was altered";
        }

        job = new RunJob(request, scenario, keep, request.SharedDirectory);
        return null;
    }

    /// <summary>
    /// Runs <paramref name="job"/>. Without a shared directory: in a fresh directory under <paramref name="scratch"/>,
    /// returning its kept files' bytes (the directory is deleted). With one: in a fresh folder of the shared directory,
    /// left there, returning its name and its files' lengths (the client moves it into the sweep).
    /// </summary>
    public static RunReply Execute(RunJob job, string scratch)
    {
        string folder = FolderPrefix(job.Request.Key) + Guid.NewGuid().ToString("N");
        string directory = Path.Combine(job.SharedDirectory ?? scratch, folder);
        bool keepDirectory = false;
        try
        {
            var options = new RunOptions { Design = job.Request.Design, Seed = job.Request.Seed, DurationSeconds = job.Request.DurationSeconds };
            using (var run = new SimulationRun(job.Scenario, options))
            {
                SweepRunner.Record(run, directory, job.Keep, CancellationToken.None);
            }

            var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            string RelativeOf(string file) => Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
            if (job.SharedDirectory is null)
            {
                return new RunReply { Files = [.. files.Select(f => new RunFile { Path = RelativeOf(f), Content = File.ReadAllBytes(f) })] };
            }

            keepDirectory = true;
            return new RunReply { SharedFolder = folder, SharedFiles = [.. files.Select(f => new SharedFile { Path = RelativeOf(f), Length = new FileInfo(f).Length })] };
        }
        finally
        {
            if (!keepDirectory && Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>The start of the name of every folder a run of <paramref name="key"/> records into (in the scratch or the shared directory).</summary>
    public static string FolderPrefix(string key) => key + "-";

    /// <summary>Null when <paramref name="shared"/> is usable on this machine for <paramref name="keep"/>, else the one-line reason.</summary>
    private static string? CheckShared(string? shared, SweepKeep keep)
    {
        if (shared is null)
        {
            return null;
        }

        if (keep != SweepKeep.All)
        {
            return "malformed run request: a shared directory is used only with keep all";
        }

        if (!Path.IsPathFullyQualified(shared))
        {
            return $"malformed run request: the shared directory must be an absolute path; got '{Printable(shared)}'";
        }

        return Directory.Exists(shared)
            ? null
            : $"the shared directory {shared} does not exist on the silo {System.Net.Dns.GetHostName()}: mount it at the same path on every silo and on the client";
    }

    private static string Printable(string? text) => text is null ? "(null)" : text.Length > 40 ? string.Concat(text.AsSpan(0, 40), "…") : text;
}
