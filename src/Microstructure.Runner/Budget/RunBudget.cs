namespace Microstructure.Runner.Budget;

/// <summary>
/// Whether an estimated run fits what it may use: the process's memory, the free disk under its output directory and
/// the user's <c>--max-disk</c>. A run that does not fit is refused before it starts (unless the user forces it), with
/// the estimate and what to change — not hours later with a full disk or an out-of-memory abort.
/// </summary>
public static class RunBudget
{
    /// <summary>Runs estimated to take longer than this show their estimate before they start.</summary>
    public static readonly TimeSpan ShowEstimateAbove = TimeSpan.FromSeconds(60);

    /// <summary>Why the run does not fit (one line, naming what to change), or null when it does.</summary>
    /// <param name="estimate">The run's estimate.</param>
    /// <param name="machine">What the process may use.</param>
    /// <param name="maxDiskBytes">The user's disk budget (<c>--max-disk</c>), or null for none.</param>
    public static string? Problem(RunEstimate estimate, MachineResources machine, double? maxDiskBytes)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(machine);
        string what = estimate.Runs > 1 ? "these runs" : "this run";
        if (estimate.MemoryBytes > machine.AvailableMemoryBytes)
        {
            return $"{what} would need {RunEstimate.Bytes(estimate.MemoryBytes)} of memory, more than the {RunEstimate.Bytes(machine.AvailableMemoryBytes)} this process may use "
                + $"(estimate: {estimate.Describe()}); {estimate.MemoryRemedy}{(estimate.Runs > 1 ? ", lower --parallel" : string.Empty)}, or pass --force to run anyway";
        }

        if (maxDiskBytes is { } budget && estimate.DiskBytes > budget)
        {
            return $"{what} would write {RunEstimate.Bytes(estimate.DiskBytes)}, more than --max-disk {RunEstimate.Bytes(budget)} "
                + $"(estimate: {estimate.Describe()}); shorten --duration, raise --max-disk, or pass --force to run anyway";
        }

        if (estimate.DiskBytes > machine.FreeDiskBytes)
        {
            return $"{what} would write {RunEstimate.Bytes(estimate.DiskBytes)}, more than the {RunEstimate.Bytes(machine.FreeDiskBytes)} free on {machine.DiskRoot} "
                + $"(estimate: {estimate.Describe()}); shorten --duration, write elsewhere with --out, or pass --force to run anyway";
        }

        return null;
    }
}
