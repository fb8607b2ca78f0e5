using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Microstructure.Runner.Sweeps;

/// <summary>
/// Keeps a pruned sweep run's own description true: after <c>--keep</c> deleted some of its files, summary.json's
/// <c>files</c> lists only what is left and <c>not_kept</c> what was deleted, and report.md's links and images of the
/// deleted files become plain text marked "(not kept: --keep …)" — no link in a kept run leads nowhere.
/// </summary>
internal static partial class PrunedRunFiles
{
    /// <summary>Rewrites summary.json and report.md of the run in <paramref name="directory"/>.</summary>
    /// <param name="directory">The run directory.</param>
    /// <param name="deleted">The deleted files, relative to it, '/'-separated.</param>
    /// <param name="keep">The --keep value, for the note.</param>
    public static void Describe(string directory, IReadOnlyCollection<string> deleted, string keep)
    {
        if (deleted.Count == 0)
        {
            return;
        }

        var gone = deleted.ToHashSet(StringComparer.Ordinal);
        RewriteSummary(Path.Combine(directory, "summary.json"), gone);
        RewriteReport(Path.Combine(directory, "report.md"), gone, keep);
    }

    /// <summary>The markdown text with every link or image to a file of <paramref name="gone"/> replaced by its text and the note.</summary>
    internal static string Unlink(string markdown, IReadOnlySet<string> gone, string keep) =>
        Link().Replace(markdown, m => gone.Contains(m.Groups["target"].Value)
            ? $"{(m.Groups["text"].Value.Length > 0 ? m.Groups["text"].Value : m.Groups["target"].Value)} (not kept: --keep {keep})"
            : m.Value);

    private static void RewriteSummary(string path, HashSet<string> gone)
    {
        if (!File.Exists(path) || JsonNode.Parse(File.ReadAllBytes(path)) is not JsonObject summary || summary["files"] is not JsonArray files)
        {
            return;
        }

        var listed = files.Select(f => f!.GetValue<string>()).ToList();
        summary["files"] = new JsonArray([.. listed.Where(f => !gone.Contains(f)).Select(f => (JsonNode)JsonValue.Create(f))]);
        summary["not_kept"] = new JsonArray([.. listed.Where(gone.Contains).Select(f => (JsonNode)JsonValue.Create(f))]);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            summary.WriteTo(writer);
        }

        stream.WriteByte((byte)'\n');
        File.WriteAllBytes(path, stream.ToArray());
    }

    private static void RewriteReport(string path, HashSet<string> gone, string keep)
    {
        if (File.Exists(path))
        {
            File.WriteAllText(path, Unlink(File.ReadAllText(path), gone, keep));
        }
    }

    /// <summary>A markdown link or image: [text](target) or ![text](target).</summary>
    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();
}
