using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Microstructure.Simulation.Scenarios;

/// <summary>
/// A scenario file with some fields set to other values — one point of a sweep. A field is named by its path as
/// errors name it (<c>agents[2].leverage.max</c>, <c>shocks[0].quantity</c>, <c>liquidation.options.fundSize</c>); a
/// value is JSON (<c>20</c>, <c>"mid"</c>, <c>true</c>) or, when it is not JSON, a string. The result is validated
/// exactly as the file would be, and an error names the file, the <c>--set</c> and the field.
/// </summary>
public static partial class ScenarioOverrides
{
    /// <summary>Loads <paramref name="path"/> with <paramref name="overrides"/> applied in order.</summary>
    /// <param name="path">The scenario file.</param>
    /// <param name="overrides">(field path, value) pairs.</param>
    /// <exception cref="ScenarioException">The file is invalid, a path does not exist in the scenario's shape, or a value is invalid there.</exception>
    public static Scenario Load(string path, IReadOnlyList<KeyValuePair<string, string>> overrides)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(overrides);
        var original = ScenarioLoader.Load(path); // the file's own errors, with its own lines
        if (overrides.Count == 0)
        {
            return original;
        }

        return ParseWith(File.ReadAllBytes(path), path, overrides);
    }

    /// <summary>
    /// Validates the scenario text <paramref name="utf8"/> (named <paramref name="source"/> in errors) with
    /// <paramref name="overrides"/> applied, exactly as <see cref="Load"/> validates a file: a worker that receives the
    /// content instead of a path (a cluster silo) refuses what the CLI refuses, with the same messages.
    /// </summary>
    /// <exception cref="ScenarioException">The text is invalid, a path does not exist in the scenario's shape, or a value is invalid there.</exception>
    public static Scenario Parse(byte[] utf8, string source, IReadOnlyList<KeyValuePair<string, string>> overrides)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(overrides);
        var original = ScenarioLoader.Parse(utf8, source);
        return overrides.Count == 0 ? original : ParseWith(utf8, source, overrides);
    }

    /// <summary>The scenario text <paramref name="utf8"/> (from <paramref name="source"/>) with <paramref name="overrides"/> applied, as JSON.</summary>
    /// <exception cref="ScenarioException">A path does not exist in the scenario's shape.</exception>
    public static string Apply(ReadOnlySpan<byte> utf8, string source, IReadOnlyList<KeyValuePair<string, string>> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var root = JsonNode.Parse(
            utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8,
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
            ?? throw new ScenarioException(source, string.Empty, "the document is null; expected a JSON object");
        foreach (var (field, value) in overrides)
        {
            Set(root, field, value, source);
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static Scenario ParseWith(byte[] utf8, string source, IReadOnlyList<KeyValuePair<string, string>> overrides)
    {
        string where = $"{source} with {string.Join(' ', overrides.Select(o => $"--set {o.Key}={o.Value}"))}";
        string json = Apply(utf8, source, overrides);
        try
        {
            return ScenarioLoader.Parse(Encoding.UTF8.GetBytes(json), where, ScenarioLoader.FolderOf(source));
        }
        catch (ScenarioException e)
        {
            // The lines of the re-written text are not the file's: the field path says where instead.
            throw new ScenarioException(where, e.Path, e.Problem, null, e);
        }
    }

    private static void Set(JsonNode root, string field, string value, string source)
    {
        var steps = Steps(field, source);
        JsonNode node = root;
        string walked = string.Empty;
        for (int i = 0; i < steps.Count; i++)
        {
            var (name, index) = steps[i];
            bool last = i == steps.Count - 1;
            if (node is not JsonObject obj)
            {
                throw new ScenarioException(source, field, $"'{walked}' is not an object, so it has no field '{name}'");
            }

            walked = walked.Length == 0 ? name : $"{walked}.{name}";
            if (index is null)
            {
                if (last)
                {
                    obj[name] = Value(value);
                    return;
                }

                // Options blocks that the file leaves out take their defaults; setting one of their fields creates them.
                node = obj[name] ??= new JsonObject();
                continue;
            }

            if (obj[name] is not JsonArray array)
            {
                throw new ScenarioException(source, field, $"'{walked}' is not a list in the scenario");
            }

            if (index >= array.Count)
            {
                throw new ScenarioException(source, field, $"'{walked}' has {array.Count} entries; index {index} does not exist");
            }

            walked += $"[{index}]";
            if (last)
            {
                array[index.Value] = Value(value);
                return;
            }

            node = array[index.Value] ?? throw new ScenarioException(source, field, $"'{walked}' is null");
        }
    }

    private static JsonNode? Value(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text); // a bare word such as mid or tiered-partial is the string it spells
        }
    }

    private static List<(string Name, int? Index)> Steps(string field, string source)
    {
        var steps = new List<(string, int?)>();
        foreach (string part in field.Split('.'))
        {
            var match = StepPattern().Match(part);
            if (!match.Success)
            {
                throw new ScenarioException(source, field, "not a field path; write it as errors name fields, e.g. agents[2].leverage.max or shocks[0].quantity");
            }

            steps.Add((match.Groups["name"].Value, match.Groups["index"].Success ? int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) : null));
        }

        return steps;
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9_]*)(\[(?<index>\d{1,6})\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex StepPattern();
}
