namespace Microstructure.Analysis.Recording;

/// <summary>The check every output directory passes before anything is written: a valid path, new or empty.</summary>
public static class OutputDirectory
{
    /// <summary>Returns the absolute path of <paramref name="directory"/> if it is usable; creates nothing.</summary>
    /// <exception cref="RunOutputException">Not a valid path, a file of that name exists, or the directory holds anything.</exception>
    public static string RequireNewOrEmpty(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string root;
        try
        {
            root = Path.GetFullPath(directory);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new RunOutputException(directory, $"Output directory '{directory}' is not a valid path: {ex.Message}", ex);
        }

        if (File.Exists(root))
        {
            throw new RunOutputException(root, $"Output directory '{root}' is a file; choose a directory that does not exist yet or is empty.");
        }

        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new RunOutputException(root,
                $"Output directory '{root}' already exists and is not empty; choose a new directory or empty it (nothing was overwritten).");
        }

        return root;
    }
}
