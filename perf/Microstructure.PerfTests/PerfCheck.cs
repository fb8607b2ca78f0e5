using System.Diagnostics;
using System.Globalization;
using Microstructure.Simulation.Kernel;
using Microstructure.Workloads;

namespace Microstructure.PerfTests;

/// <summary>
/// The <c>check</c> mode: re-runs the short form of each measurement that has a target and prints, per figure, the
/// figure docs/performance.md documents beside the one measured now, each met or missed against its target, with the
/// load average at the start and the commit. It reports; it fails (non-zero) only when the harness itself breaks.
/// </summary>
internal static class PerfCheck
{
    /// <summary>The line before the documented-figures table in docs/performance.md.</summary>
    public const string Marker = "<!-- documented-figures";

    public static int Run()
    {
        string load = Harness.LoadAverage();
        var documented = DocumentedFigures();
        Console.WriteLine("## Check: documented figures against a short re-measurement");
        Console.WriteLine();
        Console.WriteLine($"- commit {Commit()}, run at {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average at start {load} ({Environment.ProcessorCount} logical CPUs)");
        Console.WriteLine($"- at start, {HostProbe.Measure()}");
        Console.WriteLine("- short forms: ring 20M events (Channel 5M), engine 1M commands x 3, replay 2M messages x 3, kernel 300 simulated s x 3 (direct), cascade 100,000 liquidations x 3");
        Console.WriteLine("- a figure measured under load (load average above about 1.2 on this 2-core machine) reads low; compare ratios, and re-run the full mode before changing a documented figure");
        Console.WriteLine();
        var clock = Stopwatch.StartNew();
        var measured = new List<(PerfTarget Target, double Value)>();

        RingThroughput.RunRing(2_000_000, 0, 1, 1, busySpin: true); // warm-up
        double batch1 = RingThroughput.RunRing(20_000_000, 0, 1, 1, busySpin: true).PerSecond;
        double batch16 = RingThroughput.RunRing(20_000_000, 0, 1, 16, busySpin: true).PerSecond;
        RingThroughput.RunChannel(500_000, 0, 1);
        double channel = RingThroughput.RunChannel(5_000_000, 0, 1).PerSecond;
        measured.Add((PerfTargets.RingBatch, batch16 / batch1));
        measured.Add((PerfTargets.RingVsChannel, batch1 / channel));

        var (seed, stream) = ExchangeCoreMix.Generate(seed: 42, 1_000_000);
        var engine = EngineThroughput.Run(seed, stream, 3);
        measured.Add((PerfTargets.EngineMedian, engine.MedianOpsPerSecond / 1e6));
        measured.Add((PerfTargets.EngineBytes, engine.BytesPerOp));

        measured.Add((PerfTargets.ReplayMedian, ReplayThroughput.Run(2_000_000, 3).MedianPerSecond / 1e6));
        measured.Add((PerfTargets.KernelMedian, KernelThroughput.Run(KernelThroughput.Scenario(300), KernelMode.Direct, 3).MedianEventsPerSecond / 1e6));

        RiskCascade.WarmUp();
        var cascades = Enumerable.Range(0, 3).Select(_ => RiskCascade.Cascade(1_000_000, 100_000).Milliseconds).Order().ToList();
        measured.Add((PerfTargets.CascadeMedian, cascades[1]));

        Console.WriteLine("| figure | target | documented | documented: | measured now | now: | now ÷ documented |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        int metNow = 0;
        foreach (var (target, value) in measured)
        {
            metNow += target.Met(value) ? 1 : 0;
            string doc = documented.TryGetValue(target.Id, out double d) ? target.Format(d) : "(not documented)";
            string docVerdict = documented.ContainsKey(target.Id) ? target.Verdict(d) : "-";
            string ratio = documented.ContainsKey(target.Id) && d != 0 ? (value / d).ToString("0.00", CultureInfo.InvariantCulture) : "-";
            Console.WriteLine($"| {target.Figure} | {target.Text} | {doc} | {docVerdict} | {target.Format(value)} | {target.Verdict(value)} | {ratio} |");
        }

        Console.WriteLine();
        Console.WriteLine($"{metNow} of {measured.Count} figures meet their targets now; load average at the end {Harness.LoadAverage()}; {clock.Elapsed.TotalSeconds:F0} s.");
        Console.WriteLine($"At the end, {HostProbe.Measure()}.");
        return 0;
    }

    /// <summary>
    /// The documented figures by id: the table after <see cref="Marker"/> in docs/performance.md (copied beside the
    /// harness at build time), columns id | figure | documented value | ….
    /// </summary>
    public static Dictionary<string, double> DocumentedFigures()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "docs", "performance.md");
        var lines = File.ReadAllLines(path);
        int start = Array.FindIndex(lines, l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (start < 0)
        {
            throw new InvalidDataException($"{path}: no line starting with '{Marker}' before the documented-figures table.");
        }

        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string line in lines.Skip(start + 1).SkipWhile(l => l.Length == 0).TakeWhile(l => l.StartsWith('|')).Skip(2))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 4 || !double.TryParse(cells[3], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw new InvalidDataException($"{path}: documented-figures row '{line}' is not | id | figure | number | ….");
            }

            if (PerfTargets.All.All(t => t.Id != cells[1]) || !figures.TryAdd(cells[1], value))
            {
                throw new InvalidDataException($"{path}: documented-figures row '{cells[1]}' is unknown or repeated; ids: {string.Join(", ", PerfTargets.All.Select(t => t.Id))}.");
            }
        }

        return figures;
    }

    /// <summary>The commit of the working directory (git rev-parse), or "unknown".</summary>
    private static string Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short=12 HEAD") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (git is null)
            {
                return "unknown";
            }

            string text = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && text.Length > 0 ? text : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
