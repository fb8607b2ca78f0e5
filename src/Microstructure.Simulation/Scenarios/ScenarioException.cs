namespace Microstructure.Simulation.Scenarios;

/// <summary>
/// A scenario file is wrong: it names the file, the line when known, the JSON field path and the problem, e.g.
/// <c>data/scenarios/x.json:14: agents[2].leverage.max: must be >= 1; got 0.5</c>. A user error, not a fault: print
/// <see cref="Exception.Message"/>, no stack trace.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="file">The scenario file (or a source name).</param>
    /// <param name="path">JSON field path (empty for the whole document).</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="line">1-based line of the field, when known.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ScenarioException(string file, string path, string problem, long? line = null, Exception? innerException = null)
        : base(Compose(file, path, problem, line), innerException)
    {
        File = file;
        Path = path;
        Problem = problem;
        Line = line;
    }

    /// <summary>Creates the error (for serializers).</summary>
    public ScenarioException()
        : this("(unknown)", string.Empty, "invalid scenario")
    {
    }

    /// <summary>Creates the error (for serializers).</summary>
    /// <param name="message">The message.</param>
    public ScenarioException(string message)
        : this("(unknown)", string.Empty, message)
    {
    }

    /// <summary>Creates the error (for serializers).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ScenarioException(string message, Exception innerException)
        : this("(unknown)", string.Empty, message, null, innerException)
    {
    }

    /// <summary>The scenario file.</summary>
    public string File { get; }

    /// <summary>The JSON field path, e.g. <c>agents[2].leverage.max</c> (empty for the whole document).</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }

    /// <summary>1-based line of the field in the file, when known.</summary>
    public long? Line { get; }

    private static string Compose(string file, string path, string problem, long? line)
    {
        string where = line is { } l ? $"{file}:{l}" : file;
        return string.IsNullOrEmpty(path) ? $"{where}: {problem}" : $"{where}: {path}: {problem}";
    }
}
