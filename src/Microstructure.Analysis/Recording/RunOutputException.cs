namespace Microstructure.Analysis.Recording;

/// <summary>
/// A run (or comparison) directory cannot be used or written: it already holds files, a path is not writable, a
/// file could not be written. The message names the path and the problem; <see cref="Path"/> holds the path. It is a
/// user error (a bad --out), not a fault: a command line reports the message without a stack trace.
/// </summary>
public sealed class RunOutputException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public RunOutputException(string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        Path = path;
    }

    /// <summary>The directory or file that could not be used.</summary>
    public string Path { get; }
}
