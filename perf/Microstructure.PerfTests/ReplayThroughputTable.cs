namespace Microstructure.PerfTests;

/// <summary>Prints the <c>replay</c> mode's Markdown table.</summary>
internal static class ReplayThroughputTable
{
    public static void Print(int messages, int repeats)
    {
        Console.WriteLine($"## LOBSTER replay from disk, one thread ({messages:N0} synthetic messages x {repeats} runs)");
        Console.WriteLine();
        var r = ReplayThroughput.Run(messages, repeats);
        Console.WriteLine("| messages | file MB | best M msg/s | median M msg/s | bytes allocated/msg (steady) | fixed MB per run (book pools) | GCs | median M msg per CPU-s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {r.Messages:N0} | {r.Bytes / 1e6:F0} | {r.BestPerSecond / 1e6:F2} | {r.MedianPerSecond / 1e6:F2} | {r.BytesAllocatedPerMessage:F3} | {r.FixedBytesPerRun / 1e6:F1} | {r.GcCollections} | {r.MedianPerCpuSecond / 1e6:F2} |");
        Console.WriteLine();
        Console.WriteLine(PerfTargets.ReplayMedian.Line(r.MedianPerSecond / 1e6));
        Console.WriteLine();
    }
}
