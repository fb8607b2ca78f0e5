using Microstructure.Replay.Io;

namespace Microstructure.Fuzz;

/// <summary>
/// One reader under fuzzing. <see cref="Run"/> feeds the fuzzer's bytes to the real reader; the reader's own user-error
/// exception (the one the command line turns into exit code 2) is an expected outcome, anything else escaping it is a
/// crash that AFL records. Work is bounded (<see cref="MaxRecords"/>), so only a genuinely slow reader trips AFL's timeout.
/// </summary>
internal abstract class FuzzTarget
{
    /// <summary>Records (accepted or refused) read from one input at most; an input is at most 1 MB (AFL's default).</summary>
    public const int MaxRecords = 10_000;

    /// <summary>The name given on the command line (<c>fuzz/run.sh NAME</c>).</summary>
    public abstract string Name { get; }

    /// <summary>What the target feeds the bytes to, in one line (docs/fuzzing.md lists it).</summary>
    public abstract string Covers { get; }

    /// <summary>The expected user-error exception type, for messages.</summary>
    public virtual string UserErrorName => nameof(ReplayInputException);

    /// <summary>Slices of the repository's sample data (under data/) that seed the corpus.</summary>
    public abstract IReadOnlyList<SeedSlice> Seeds { get; }

    /// <summary>Small hand-written inputs for cases the sample data lacks (e.g. a LOBSTER halt).</summary>
    public virtual IReadOnlyList<string> ExtraSeeds => [];

    /// <summary>Whether the seeds are JSON (the dictionary then takes their property names and strings).</summary>
    public virtual bool IsJson => false;

    /// <summary>Extra dictionary tokens beyond those taken from the seeds.</summary>
    public virtual IReadOnlyList<string> ExtraTokens => [];

    /// <summary>Runs the reader over <paramref name="input"/>.</summary>
    /// <param name="input">The fuzzer's bytes.</param>
    /// <param name="scratch">A per-process directory for readers that need a file.</param>
    /// <returns>What was read; the first user error, if any, is in <see cref="RunResult.FirstError"/>.</returns>
    /// <exception cref="ContractViolationException">The reader broke its contract without throwing itself.</exception>
    public abstract RunResult Run(byte[] input, Scratch scratch);

    /// <summary>Whether <paramref name="e"/> is the documented user error of this reader.</summary>
    public virtual bool IsUserError(Exception e) => e is ReplayInputException;

    /// <summary>Checks a user error's message against the contract (names the input, and the line or the field).</summary>
    /// <param name="e">The user error.</param>
    /// <param name="source">The name the input was given.</param>
    /// <param name="input">The input, to bound line numbers.</param>
    public virtual void CheckMessage(Exception e, string source, byte[] input)
    {
        var x = (ReplayInputException)e;
        Contract.That(x.File == source, $"the error names '{x.File}', not the input '{source}'");
        Contract.That(x.Line >= 1 && x.Line <= Lines(input) + 1, $"the error's line {x.Line} is not a line of the {Lines(input)}-line input");
    }

    /// <summary>
    /// The lines of <paramref name="input"/> as an editor counts them: LF, CRLF and a lone CR each end one (System.Text.Json
    /// counts a lone CR too, the line readers only LF; the larger count bounds both).
    /// </summary>
    protected static long Lines(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        long lines = 1;
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] == (byte)'\n' || (input[i] == (byte)'\r' && (i + 1 == input.Length || input[i + 1] != (byte)'\n')))
            {
                lines++;
            }
        }

        return lines;
    }

    /// <summary>
    /// Reads records as <c>--lenient</c> does: a refused record is recorded and the next one read, up to
    /// <see cref="MaxRecords"/>. A refused record must have been consumed (else a lenient replay would loop forever).
    /// </summary>
    /// <param name="next">Reads one record; false at the end of the input.</param>
    /// <param name="line">The reader's current line number.</param>
    /// <returns>The outcome.</returns>
    protected static RunResult ReadLeniently(Func<bool> next, Func<long> line)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(line);
        var result = new RunResult();
        for (var i = 0; i < MaxRecords; i++)
        {
            var before = line();
            try
            {
                if (!next())
                {
                    return result;
                }

                result.Accepted++;
            }
            catch (ReplayInputException e)
            {
                Contract.That(line() > before, $"line {before + 1} was refused but not consumed, so --lenient would read it again forever: {e.Message}");
                result.Refuse(e);
            }
        }

        result.Truncated = true;
        return result;
    }
}

/// <summary>What one input did.</summary>
internal sealed class RunResult
{
    /// <summary>Records the reader accepted.</summary>
    public int Accepted { get; set; }

    /// <summary>Records the reader refused with its user error (and went on, as <c>--lenient</c>).</summary>
    public int Refused { get; set; }

    /// <summary>The user errors, the first <see cref="KeptErrors"/> of them (a strict replay stops at the first with exit code 2).</summary>
    public List<Exception> Errors { get; } = [];

    /// <summary>The first user error, or null.</summary>
    public Exception? FirstError => Errors.Count > 0 ? Errors[0] : null;

    /// <summary>Whether reading stopped at <see cref="FuzzTarget.MaxRecords"/>.</summary>
    public bool Truncated { get; set; }

    /// <summary>User errors kept for the message checks.</summary>
    public const int KeptErrors = 64;

    /// <summary>A result for a reader that throws its user error at once (no lenient mode).</summary>
    public static RunResult Of(int accepted) => new() { Accepted = accepted };

    /// <summary>Counts a refused record and keeps its error.</summary>
    public void Refuse(Exception e)
    {
        Refused++;
        if (Errors.Count < KeptErrors)
        {
            Errors.Add(e);
        }
    }
}

/// <summary>A slice of a sample file: its first <see cref="HeaderLines"/> lines, then <see cref="Take"/> data lines.</summary>
/// <param name="Path">Path under data/.</param>
/// <param name="HeaderLines">Lines always kept (a CSV header).</param>
/// <param name="Take">Data lines to keep; 0 keeps the whole file.</param>
/// <param name="DistinctColumn">When set, keep instead the first data line of each distinct value of this 0-based column (file order).</param>
internal sealed record SeedSlice(string Path, int HeaderLines, int Take, int? DistinctColumn = null);

/// <summary>The reader broke its contract without throwing: an accepted record that is not sane, a bad message, a loop.</summary>
internal sealed class ContractViolationException : Exception
{
    public ContractViolationException()
    {
    }

    public ContractViolationException(string message)
        : base(message)
    {
    }

    public ContractViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Contract checks: a failed one is a crash, as any exception the reader does not document.</summary>
internal static class Contract
{
    /// <summary>Throws <see cref="ContractViolationException"/> when <paramref name="condition"/> is false.</summary>
    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            throw new ContractViolationException(what);
        }
    }
}
