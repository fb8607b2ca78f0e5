namespace Microstructure.Analysis.Recording;

/// <summary>
/// The layout of a run directory (tape/, analysis/, plots/, summary.json, report.md) and the checks before anything
/// is written to it: it must be new or empty, and writable. Every IO failure becomes a <see cref="RunOutputException"/>
/// naming the path.
/// </summary>
internal sealed class RunDirectory
{
    public const string TapeFolder = "tape";
    public const string AnalysisFolder = "analysis";
    public const string PlotsFolder = "plots";
    public const string SummaryFile = "summary.json";
    public const string ReportFile = "report.md";
    public const string HtmlReportFile = "report.html";

    private RunDirectory(string root)
    {
        Root = root;
    }

    /// <summary>Absolute path of the directory.</summary>
    public string Root { get; }

    public string Tape => System.IO.Path.Combine(Root, TapeFolder);

    public string Analysis => System.IO.Path.Combine(Root, AnalysisFolder);

    public string Plots => System.IO.Path.Combine(Root, PlotsFolder);

    /// <summary>Creates <paramref name="directory"/> and the sub-folders; refuses a directory that holds anything.</summary>
    /// <exception cref="RunOutputException">Not empty, a file of that name exists, or it cannot be created.</exception>
    public static RunDirectory Prepare(string directory, params string[] subFolders)
    {
        string root = OutputDirectory.RequireNewOrEmpty(directory);
        var run = new RunDirectory(root);
        Guard(root, () =>
        {
            Directory.CreateDirectory(root);
            foreach (string sub in subFolders)
            {
                Directory.CreateDirectory(System.IO.Path.Combine(root, sub));
            }
        });
        return run;
    }

    /// <summary>Runs an IO action; an IO or permission failure becomes a <see cref="RunOutputException"/> naming <paramref name="path"/>.</summary>
    public static void Guard(string path, Action action)
    {
        try
        {
            action();
        }
        catch (RunOutputException)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RunOutputException(path, $"Cannot write '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>The same for a function with a result.</summary>
    public static T Guard<T>(string path, Func<T> action)
    {
        T result = default!;
        Guard(path, () => { result = action(); });
        return result;
    }

    /// <summary>The path of a file relative to the root with forward slashes (for links in report.md).</summary>
    public string Relative(string path) => System.IO.Path.GetRelativePath(Root, path).Replace('\\', '/');
}
