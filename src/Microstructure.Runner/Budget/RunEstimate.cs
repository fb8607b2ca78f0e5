using System.Globalization;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Runner.Budget;

/// <summary>
/// What a run (or a batch of runs) of a scenario will take, estimated from the scenario alone before anything starts:
/// exchange events, bytes written to its directory, peak memory and wall time. Order of magnitude, not a promise —
/// calibrated on the shipped scenarios (within a factor of two there, a test checks it); its job is to stop a run that
/// would fill the disk or the memory hours in, and to say how long a long run will take.
/// </summary>
/// <param name="Runs">How many runs the estimate covers.</param>
/// <param name="Events">Exchange events (accepts, fills, cancels, …) of all runs.</param>
/// <param name="DiskBytes">Bytes all runs write (tapes, analysis, plots, reports).</param>
/// <param name="MemoryBytes">Peak memory of the process with <c>parallel</c> runs at once.</param>
/// <param name="WallTime">Wall time with <c>parallel</c> runs at once on this machine kind.</param>
/// <param name="MemoryRemedy">What lowers the memory most: "use fewer agents" or "shorten --duration".</param>
public sealed record RunEstimate(int Runs, double Events, double DiskBytes, double MemoryBytes, TimeSpan WallTime, string MemoryRemedy)
{
    // Calibration (docs/scenarios.md, "Run budget"): measured on leveraged-cascade.json and calm.json at 600 and
    // 2,400 s and with 20,000–100,000 extra agents, main at 2536ed7. Each constant is the measured figure rounded up.
    internal const double EventsPerCommand = 1.6;          // measured 1.54 (cascade), 1.45 (calm)
    internal const double TapeBytesPerEvent = 20;          // trades, l1, depth, liquidations: 17–20 B per event
    internal const double BytesPerAccountRow = 115;        // accounts.csv + .parquet: 105–114 B per account snapshot
    internal const double AnalysisBytesPerSecond = 8_000;  // analysis/ and plots/: 7.3–7.9 KB per simulated second
    internal const double FixedDiskBytes = 1_000_000;      // report, summary, plot frames of a short run
    internal const double BaseMemoryBytes = 160e6;         // the runtime, plotting and an empty run: 151 MB measured
    internal const double MemoryPerAgent = 9_000;          // 7.2 KB (leveraged) to 8.5 KB (noise) measured
    internal const double MemoryPerEvent = 35;             // what analysis keeps per event: 32 B measured
    internal const double EventsPerWallSecond = 250_000;   // one run on one core: 250–310 k measured

    /// <summary>Estimates <paramref name="runs"/> runs of <paramref name="scenario"/>, <paramref name="parallel"/> at a time.</summary>
    /// <param name="scenario">The scenario as loaded.</param>
    /// <param name="durationSeconds">Simulated seconds per run (the scenario's unless overridden).</param>
    /// <param name="runs">Runs in all (designs × seeds for a comparison).</param>
    /// <param name="parallel">Runs at once.</param>
    /// <param name="keptBytesPerRun">
    /// What each run keeps once finished when it is pruned (a sweep's <c>--keep summary|liquidations</c>), or null when
    /// it keeps everything. A pruned run still writes its Parquet tapes while it runs, so the runs in flight count at a
    /// full run's size.
    /// </param>
    public static RunEstimate For(Scenario scenario, double durationSeconds, int runs = 1, int parallel = 1, double? keptBytesPerRun = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        parallel = Math.Min(parallel, runs);

        var definition = scenario.Definition;
        double commandsPerSecond = definition.Agents.Sum(a => a.Count * a.EstimatedCommandsPerSecond);
        double eventsPerRun = commandsPerSecond * EventsPerCommand * durationSeconds;
        double accountSnapshots = Math.Floor(durationSeconds / 10);
        double diskPerRun = FixedDiskBytes
            + (eventsPerRun * TapeBytesPerEvent)
            + (scenario.AgentCount * accountSnapshots * BytesPerAccountRow)
            + (durationSeconds * AnalysisBytesPerSecond);
        double agentsMemory = scenario.AgentCount * MemoryPerAgent;
        double eventsMemory = eventsPerRun * MemoryPerEvent;
        // The engine's pools grow with the orders actually live (exchange.maxOrders is a ceiling, not a reservation).
        double memoryPerRun = agentsMemory + eventsMemory;
        string remedy = eventsMemory >= agentsMemory ? "shorten --duration" : "use fewer agents";
        double waves = Math.Ceiling((double)runs / parallel);
        double wallSeconds = waves * eventsPerRun / EventsPerWallSecond;
        return new RunEstimate(
            runs,
            eventsPerRun * runs,
            keptBytesPerRun is { } kept ? Math.Min(diskPerRun, kept) * runs + (diskPerRun * parallel) : diskPerRun * runs,
            BaseMemoryBytes + (memoryPerRun * parallel),
            TimeSpan.FromSeconds(Math.Min(wallSeconds, TimeSpan.MaxValue.TotalSeconds / 2)),
            remedy);
    }

    /// <summary>"about 43 billion exchange events, 1.7 TB written, 1.5 TB of memory, 47 h" — for messages.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"about {Count(Events)} exchange events{(Runs > 1 ? $" in {Runs} runs" : string.Empty)}, {Bytes(DiskBytes)} written, {Bytes(MemoryBytes)} of memory, {Duration(WallTime)}");

    /// <summary>A byte count as people read it: "812 MB", "1.8 TB" (decimal units, as disks are sold).</summary>
    public static string Bytes(double bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB", "PB"];
        int unit = 0;
        while (bytes >= 1000 && unit < units.Length - 1)
        {
            bytes /= 1000;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:0.#} {units[unit]}");
    }

    private static string Count(double n) => n switch
    {
        < 1e6 => n.ToString("N0", CultureInfo.InvariantCulture),
        < 1e9 => string.Create(CultureInfo.InvariantCulture, $"{n / 1e6:0.#} million"),
        < 1e12 => string.Create(CultureInfo.InvariantCulture, $"{n / 1e9:0.#} billion"),
        _ => n.ToString("0.0e0", CultureInfo.InvariantCulture),
    };

    private static string Duration(TimeSpan t) => t.TotalSeconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0} min"),
        < 172_800 => string.Create(CultureInfo.InvariantCulture, $"{t.TotalHours:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{t.TotalDays:0} days"),
    };
}
