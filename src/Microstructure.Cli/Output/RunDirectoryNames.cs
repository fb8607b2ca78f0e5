using System.Globalization;

namespace Microstructure.Cli.Output;

/// <summary>
/// Where a run goes when the user gives no <c>--out</c>: <c>runs/NAME-yyyyMMdd-HHmmss</c> under the current directory
/// (a suffix -2, -3 … when that exists), so running the same command twice never collides with, or overwrites, the
/// first run.
/// </summary>
internal static class RunDirectoryNames
{
    /// <summary>The folder all default run directories live in.</summary>
    public const string Root = "runs";

    /// <summary>A fresh directory name for <paramref name="name"/> at <paramref name="now"/> (local time).</summary>
    public static string Default(string name, DateTime now)
    {
        string stem = Path.Combine(Root, $"{Sanitize(name)}-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        string candidate = stem;
        for (int n = 2; Directory.Exists(candidate) || File.Exists(candidate); n++)
        {
            candidate = $"{stem}-{n}";
        }

        return candidate;
    }

    private static string Sanitize(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var chars = name.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '-' : c).ToArray();
        return chars.Length == 0 ? "run" : new string(chars);
    }
}
