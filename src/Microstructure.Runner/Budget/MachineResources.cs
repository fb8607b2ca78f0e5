namespace Microstructure.Runner.Budget;

/// <summary>What this process may use: memory (the GC's limit, which honours a container's or DOTNET_GCHeapHardLimit)
/// and the free space of the file system an output directory will live on.</summary>
/// <param name="AvailableMemoryBytes">Memory the process may use.</param>
/// <param name="FreeDiskBytes">Free bytes on the output's file system (+∞ when it cannot be found).</param>
/// <param name="DiskRoot">Mount point of that file system, for messages.</param>
public sealed record MachineResources(double AvailableMemoryBytes, double FreeDiskBytes, string DiskRoot)
{
    /// <summary>The resources for a run writing under <paramref name="outputDirectory"/> (which need not exist yet).</summary>
    public static MachineResources For(string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        double memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        string full = Path.GetFullPath(outputDirectory);

        // The file system is the mount whose root is the longest prefix of the path (/, /tmp, /work, …).
        DriveInfo? best = null;
        foreach (var drive in DriveInfo.GetDrives())
        {
            string root = drive.RootDirectory.FullName;
            bool under = full.StartsWith(root, StringComparison.Ordinal)
                && (root.EndsWith(Path.DirectorySeparatorChar) || full.Length == root.Length || full[root.Length] == Path.DirectorySeparatorChar);
            if (under && (best is null || root.Length > best.RootDirectory.FullName.Length) && IsReadable(drive))
            {
                best = drive;
            }
        }

        return best is null
            ? new MachineResources(memory, double.PositiveInfinity, "?")
            : new MachineResources(memory, best.AvailableFreeSpace, best.RootDirectory.FullName);
    }

    private static bool IsReadable(DriveInfo drive)
    {
        try
        {
            return drive.IsReady && drive.TotalSize > 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
