using System.Globalization;

namespace Microstructure.PerfTests;

/// <summary>
/// One performance target: a figure the harness measures (its id is the row id of the documented-figures table in
/// docs/performance.md), the bound it must reach and in which direction.
/// </summary>
/// <param name="Id">Row id in docs/performance.md's documented-figures table.</param>
/// <param name="Figure">What is measured, in words.</param>
/// <param name="Unit">Unit of the figure as printed.</param>
/// <param name="Bound">The bound.</param>
/// <param name="AtLeast">True: the figure must be at least <paramref name="Bound"/>; false: at most.</param>
internal sealed record PerfTarget(string Id, string Figure, string Unit, double Bound, bool AtLeast)
{
    public bool Met(double value) => AtLeast ? value >= Bound : value <= Bound;

    public string Verdict(double value) => Met(value) ? "met" : "missed";

    /// <summary>"≥ 25 M ops/s".</summary>
    public string Text => $"{(AtLeast ? "≥" : "≤")} {Number(Bound, "0.###")}{Space}{Unit}";

    public string Format(double value) => $"{Number(value, Unit == "B/op" ? "0.000" : "0.00")}{Space}{Unit}";

    private string Space => Unit == "×" ? "" : " ";

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>"Target: engine … ≥ 25 M ops/s; measured 22.10 M ops/s: missed".</summary>
    public string Line(double value, string? qualifier = null) => $"Target{(qualifier is null ? "" : $" ({qualifier})")}: {Figure} {Text}; measured {Format(value)}: {Verdict(value)}";
}

/// <summary>Every target the harness marks met or missed, in one place.</summary>
internal static class PerfTargets
{
    public static readonly PerfTarget RingBatch = new("ring-batch16-over-batch1", "ring 1P-1C across cores, batch 16 ÷ batch 1 of the same run", "×", 3, AtLeast: true);

    public static readonly PerfTarget RingVsChannel = new("ring-over-channel", "ring ÷ bounded Channel, across cores, batch 1", "×", 10, AtLeast: true);

    public static readonly PerfTarget EngineMedian = new("engine-median", "engine alone, exchange-core mix, median", "M ops/s", 25, AtLeast: true);

    public static readonly PerfTarget EngineBytes = new("engine-bytes", "engine alone, bytes allocated per op (0 at the printed precision)", "B/op", 0.001, AtLeast: false);

    public static readonly PerfTarget ReplayMedian = new("replay-median", "LOBSTER replay from disk, one thread, median", "M msg/s", 10, AtLeast: true);

    public static readonly PerfTarget KernelMedian = new("kernel-median", "simulation kernel, calm x2 (1,136 agents), median", "M events/s", 10, AtLeast: true);

    public static readonly PerfTarget CascadeMedian = new("cascade-median", "100,000-liquidation cascade in one command, median", "ms", 50, AtLeast: false);

    public static IReadOnlyList<PerfTarget> All { get; } = [RingBatch, RingVsChannel, EngineMedian, EngineBytes, ReplayMedian, KernelMedian, CascadeMedian];
}
