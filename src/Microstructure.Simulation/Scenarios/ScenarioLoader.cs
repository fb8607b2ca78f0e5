using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microstructure.Agents.Configuration;
using Microstructure.Agents.Validation;

namespace Microstructure.Simulation.Scenarios;

/// <summary>
/// Reads and validates scenario files. JSON with comments and trailing commas, camelCase fields, enums as camelCase
/// strings; an unknown field, a wrong type or a value out of range is a <see cref="ScenarioException"/> naming the file,
/// the line and the field path.
/// </summary>
public static class ScenarioLoader
{
    private static readonly string[] ShockKinds = ["marketOrder", "indexJump"];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowOutOfOrderMetadataProperties = true,
        AllowDuplicateProperties = false, // a field given twice is an error, not "the last one wins" (issue 12 §8)
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Loads and validates the scenario file at <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioException">The file is missing, unreadable, not JSON, or invalid (the message says where and why).</exception>
    public static Scenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new ScenarioException(path, string.Empty, "is a directory; name a scenario file in it, e.g. data/scenarios/leveraged-cascade.json");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ScenarioException(path, string.Empty, $"cannot read the file: {e.Message}", null, e);
        }

        return Parse(bytes, path);
    }

    /// <summary>Validates a scenario given as JSON text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ScenarioException">Not JSON, or invalid.</exception>
    public static Scenario Parse(string json, string source) => Parse(Encoding.UTF8.GetBytes(json ?? string.Empty), source);

    /// <summary>Validates a scenario given as UTF-8 JSON; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ScenarioException">Not JSON, or invalid.</exception>
    public static Scenario Parse(ReadOnlySpan<byte> utf8, string source) => Parse(utf8, source, FolderOf(source));

    /// <summary>
    /// The folder a scenario's relative file paths (a predictive-margin model) are taken from: the source file's, the
    /// working directory for a scenario that is not a file.
    /// </summary>
    internal static string FolderOf(string source) =>
        File.Exists(source) ? Path.GetDirectoryName(Path.GetFullPath(source))! : Directory.GetCurrentDirectory();

    /// <summary>As <see cref="Parse(ReadOnlySpan{byte}, string)"/>, relative paths taken from <paramref name="folder"/> (the text with --set applied is no file).</summary>
    internal static Scenario Parse(ReadOnlySpan<byte> utf8, string source, string folder)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            // System.Text.Json reads such bytes inside a string and throws only when the text is asked for (exit 70).
            var chars = new char[utf8.Length];
            System.Text.Unicode.Utf8.ToUtf16(utf8, chars, out int read, out _, replaceInvalidSequences: false);
            throw new ScenarioException(source, string.Empty, "not UTF-8 text (a byte sequence that is not UTF-8); save the file as UTF-8", utf8[..read].Count((byte)'\n') + 1);
        }

        CheckKinds(utf8, source);
        ScenarioDefinition definition;
        try
        {
            definition = JsonSerializer.Deserialize<ScenarioDefinition>(utf8, Json)
                ?? throw new ScenarioException(source, string.Empty, "the document is null; expected a JSON object");
        }
        catch (JsonException e)
        {
            throw FromJson(e, utf8, source);
        }

        return Validate(definition, utf8, source, folder);
    }

    /// <summary>Validates a definition built in code (no line numbers in errors).</summary>
    /// <exception cref="ScenarioException">Invalid.</exception>
    public static Scenario FromDefinition(ScenarioDefinition definition, string source = "(scenario)")
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Validate(definition, default, source, FolderOf(source));
    }

    private static Scenario Validate(ScenarioDefinition definition, ReadOnlySpan<byte> utf8, string source, string folder)
    {
        try
        {
            return new Scenario(definition, source, folder);
        }
        catch (AgentConfigurationException e)
        {
            throw At(utf8, source, e.Path, e.Problem, e);
        }
        catch (RiskConfigurationException e)
        {
            throw At(utf8, source, ScenarioPathOf(e.Path), e.Problem, e);
        }
    }

    /// <summary>The scenario field path of an exchange setting the risk layer names by its own path.</summary>
    private static string ScenarioPathOf(string riskPath)
    {
        if (riskPath.StartsWith("liquidation", StringComparison.Ordinal) || riskPath.StartsWith("mitigations", StringComparison.Ordinal)
            || riskPath.StartsWith("comparison", StringComparison.Ordinal) || riskPath.StartsWith("exchange.", StringComparison.Ordinal))
        {
            return riskPath;
        }

        if (riskPath.StartsWith("lendingPool", StringComparison.Ordinal))
        {
            return "lendingPool.options" + riskPath["lendingPool".Length..];
        }

        return riskPath == "instrument" ? riskPath : "exchange." + riskPath;
    }

    /// <summary>Checks every agent's and shock's <c>kind</c> first, so an unknown one gets a clear message.</summary>
    private static void CheckKinds(ReadOnlySpan<byte> utf8, string source)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new ScenarioException(source, string.Empty, $"not valid JSON: {Clean(e.Message)}", e.LineNumber + 1, e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ScenarioException(source, string.Empty, $"must be a JSON object; got {root.ValueKind}", 1);
            }

            CheckKindsOf(root, "agents", AgentKindNames.All, "agent kind", utf8, source);
            CheckKindsOf(root, "shocks", ShockKinds, "shock kind", utf8, source);
        }
    }

    private static void CheckKindsOf(JsonElement root, string field, IReadOnlyList<string> kinds, string what, ReadOnlySpan<byte> utf8, string source)
    {
        if (!root.TryGetProperty(field, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            string path = $"{field}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw At(utf8, source, path, $"must be an object; got {item.ValueKind}");
            }

            if (!item.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String)
            {
                throw At(utf8, source, $"{path}.kind", $"is required: one of {string.Join(", ", kinds)}");
            }

            string name = kind.GetString()!;
            if (!kinds.Contains(name))
            {
                throw At(utf8, source, $"{path}.kind", $"unknown {what} '{name}'; expected one of: {string.Join(", ", kinds)}");
            }
        }
    }

    private static ScenarioException FromJson(JsonException e, ReadOnlySpan<byte> utf8, string source)
    {
        string path = string.IsNullOrEmpty(e.Path) ? string.Empty : e.Path.TrimStart('$').TrimStart('.');
        string message = Clean(e.Message);
        string problem = message;
        bool mapped = message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal);
        if (mapped && message.StartsWith("The JSON property '", StringComparison.Ordinal))
        {
            string name = message["The JSON property '".Length..message.IndexOf('\'', "The JSON property '".Length)];
            problem = $"unknown field '{name}'";
            path = string.IsNullOrEmpty(path) || path.EndsWith(name, StringComparison.Ordinal) ? path : $"{path}.{name}";
        }
        else if (message.StartsWith("Duplicate property '", StringComparison.Ordinal))
        {
            string name = message["Duplicate property '".Length..message.IndexOf('\'', "Duplicate property '".Length)];
            problem = "is given twice";
            path = string.IsNullOrEmpty(path) || path.EndsWith(name, StringComparison.Ordinal) ? (string.IsNullOrEmpty(path) ? name : path) : $"{path}.{name}";
        }
        else if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            problem = $"has the wrong type or value ({message})";
        }

        long? line = e.LineNumber is { } l ? l + 1 : JsonPathLocator.FindLine(utf8, path);
        return new ScenarioException(source, path, problem, line, e);
    }

    private static ScenarioException At(ReadOnlySpan<byte> utf8, string source, string path, string problem, Exception? inner = null) =>
        new(source, path, problem, utf8.IsEmpty ? null : JsonPathLocator.FindLine(utf8, path), inner);

    private static string Clean(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        string text = cut >= 0 ? message[..cut] : message;
        cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? text[..cut] : text).TrimEnd(' ', '|', '.');
    }
}
