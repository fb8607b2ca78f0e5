namespace Microstructure.Fuzz;

/// <summary>
/// A directory for the readers that take a path (Tardis, injections): each input is written to one reused file there.
/// One per fuzzing session: <c>MICROSTRUCTURE_FUZZ_TMP</c> when set (fuzz/run.sh puts it on tmpfs), else the temp directory.
/// </summary>
internal sealed class Scratch : IDisposable
{
    private Scratch(string directory) => Directory = directory;

    /// <summary>The directory.</summary>
    public string Directory { get; }

    /// <summary>Creates this process's scratch directory.</summary>
    public static Scratch Create()
    {
        var root = Environment.GetEnvironmentVariable("MICROSTRUCTURE_FUZZ_TMP") is { Length: > 0 } dir ? dir : Path.GetTempPath();
        // SharpFuzz's out-of-process server restarts its child after a timeout: the children of one server share a directory.
        var owner = Environment.GetEnvironmentVariable("__SHARPFUZZ_PID") is { Length: > 0 } server ? server : Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = Path.Combine(root, $"microstructure-fuzz-{owner}");
        System.IO.Directory.CreateDirectory(path);
        return new Scratch(path);
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/> in the directory and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover file of a killed run is harmless.
        }
    }
}
