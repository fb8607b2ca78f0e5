namespace Microstructure.Replay.Io;

/// <summary>
/// A user mistake in an input file: the message names the file, the line (or field) and what is wrong, so the
/// command line can print it as one line without a stack trace.
/// </summary>
public sealed class ReplayInputException : Exception
{
    /// <summary>
    /// Creates the exception; <see cref="Exception.Message"/> becomes "file:line: detail", with control and format
    /// characters escaped (input quoted in the detail can never garble a terminal or break the one-line message).
    /// </summary>
    /// <param name="file">The input file (as the user named it).</param>
    /// <param name="line">1-based line number, or 0 when the problem is not tied to a line.</param>
    /// <param name="detail">What is wrong, in words.</param>
    /// <param name="kind">The class of problem, used to count what <c>--lenient</c> skipped.</param>
    public ReplayInputException(string file, long line, string detail, InputErrorKind kind = InputErrorKind.Malformed)
        : base(InputText.Printable(line > 0 ? $"{file}:{line}: {detail}" : $"{file}: {detail}"))
    {
        File = file;
        Line = line;
        Detail = InputText.Printable(detail);
        Kind = kind;
    }

    /// <summary>The class of problem.</summary>
    public InputErrorKind Kind { get; }

    /// <summary>The input file.</summary>
    public string File { get; }

    /// <summary>1-based line number, or 0.</summary>
    public long Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Detail { get; }
}
