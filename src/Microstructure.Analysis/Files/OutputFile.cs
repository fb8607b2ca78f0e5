namespace Microstructure.Analysis.Files;

/// <summary>
/// One output file, written under a temporary name beside its final path (<c>NAME.partial</c>) and renamed to the
/// final name when complete — so a run that fails or is killed never leaves a half-written file under the final name.
/// Every writer of run outputs (tapes, summary.json, report.md, report.html, plots) goes through it.
/// </summary>
/// <remarks>
/// An output is never written over or through anything: the final path must not exist — not as a file, a directory
/// or a symbolic link (dangling or not) — when the file is created and again when it is renamed; the temporary file
/// is created exclusively (<see cref="FileMode.CreateNew"/>, O_CREAT|O_EXCL, which does not follow a link either) and
/// the rename does not replace (<c>File.Move</c> without overwrite, a hard link on Unix). Both failures are an
/// <see cref="IOException"/> naming the path, which the recorders turn into a <c>RunOutputException</c>.
/// </remarks>
internal sealed class OutputFile : IDisposable
{
    /// <summary>The suffix of the temporary name a file has while it is written.</summary>
    public const string PartialSuffix = ".partial";

    private readonly string _temporary;
    private bool _done;

    private OutputFile(string path, string temporary, FileStream stream)
    {
        Path = path;
        _temporary = temporary;
        Stream = stream;
    }

    /// <summary>The final path (absolute).</summary>
    public string Path { get; }

    /// <summary>The stream to write to (the temporary file).</summary>
    public FileStream Stream { get; }

    /// <summary>Creates the temporary file of <paramref name="path"/>; the final path must not exist.</summary>
    /// <exception cref="IOException">The final path exists (or is a link), or the temporary file cannot be created.</exception>
    public static OutputFile Create(string path, int bufferSize = 1 << 16)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = System.IO.Path.GetFullPath(path);
        RequireAbsent(full);
        string temporary = full + PartialSuffix;
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, bufferSize, FileOptions.None);
        return new OutputFile(full, temporary, stream);
    }

    /// <summary>Writes a whole file: <paramref name="write"/> fills the stream, then it is renamed into place.</summary>
    /// <exception cref="IOException">The final path exists (or is a link), or the file cannot be written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using OutputFile file = Create(path);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>Writes <paramref name="bytes"/> as the whole file.</summary>
    /// <exception cref="IOException">The final path exists (or is a link), or the file cannot be written.</exception>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        using OutputFile file = Create(path);
        file.Stream.Write(bytes);
        file.Commit();
    }

    /// <summary>Whether <paramref name="path"/> names anything: a file, a directory or a link (even a dangling one).</summary>
    public static bool Exists(string path)
    {
        var info = new FileInfo(path);
        return info.Exists || Directory.Exists(path) || info.LinkTarget is not null;
    }

    /// <summary>Closes the temporary file and renames it to the final path, which must still not exist.</summary>
    /// <exception cref="IOException">The final path appeared meanwhile (the temporary file is removed), or the rename failed.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        try
        {
            Stream.Dispose();
            RequireAbsent(Path);
            File.Move(_temporary, Path, overwrite: false);
        }
        catch
        {
            TryDelete(_temporary);
            throw;
        }
    }

    /// <summary>Without <see cref="Commit"/>: closes and removes the temporary file (the final path is never created).</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        Stream.Dispose();
        TryDelete(_temporary);
    }

    private static void RequireAbsent(string path)
    {
        if (Exists(path))
        {
            throw new IOException($"'{path}' already exists (a file, a directory or a symbolic link); an output file is never overwritten or written through a link.");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The failure being reported matters more than a leftover temporary file (it never has the final name).
        }
    }
}
