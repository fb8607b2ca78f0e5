using System.Globalization;
using System.Text.Json;
using Microstructure.Runner.Sweeps;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Cli.Commands.Sweep;

/// <summary>
/// What a sweep runs, from the command line or from a sweep file: the scenario, the varied fields, designs, seeds,
/// sample, duration, what to keep, the parallelism and the output directory. Both forms yield one of these and the
/// same <see cref="SweepPlan"/> is built from it, so a sweep file runs the same keys as its command line.
/// </summary>
internal sealed record SweepRequest
{
    public required string ScenarioPath { get; init; }

    public IReadOnlyList<SweepParameter> Parameters { get; init; } = [];

    /// <summary>Null: the scenario's comparison.designs, or its own design.</summary>
    public IReadOnlyList<string>? Designs { get; init; }

    public int? Seeds { get; init; }

    public int? Parallel { get; init; }

    public double? DurationSeconds { get; init; }

    public LhsSample? Sample { get; init; }

    public SweepKeep Keep { get; init; } = SweepKeep.Liquidations;

    public string? Out { get; init; }
}

/// <summary>
/// Reads a sweep file (JSON; comments and trailing commas allowed), e.g. data/sweeps/leverage-by-shock.json:
/// <code>
/// {
///   "scenario": "../scenarios/design-comparison.json",
///   "parameters": { "shocks[0].quantity": [1500, 3000], "agents[4].leverage.median": [10, 20, 40] },
///   "designs": ["full-close", "tiered-partial", "insurance-fund"],
///   "seeds": 10, "durationSeconds": 120, "keep": "liquidations", "parallel": 2
/// }
/// </code>
/// With <c>"sample": { "lhs": N, "seed": S }</c> each parameter is a range <c>{ "low": L, "high": H }</c>. Paths in the
/// file (scenario, out) are relative to the file. Strict: unknown or repeated fields and wrong types are errors
/// that name the file and the field (<see cref="ScenarioException"/>, a user error).
/// </summary>
internal static class SweepFile
{
    private static readonly string[] Fields = ["scenario", "parameters", "sample", "designs", "seeds", "durationSeconds", "keep", "parallel", "out"];

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads and checks the file.</summary>
    /// <param name="path">The sweep file.</param>
    /// <exception cref="ScenarioException">The file cannot be read or is wrong (names the file and field).</exception>
    public static SweepRequest Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException(path, string.Empty, $"cannot read the sweep file ({e.Message})", null, e);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException e)
        {
            throw new ScenarioException(path, string.Empty, $"is not valid JSON ({e.Message})", e.LineNumber + 1, e);
        }

        using (document)
        {
            return Parse(document.RootElement, path);
        }
    }

    private static SweepRequest Parse(JsonElement root, string file)
    {
        var fields = Properties(root, string.Empty, file);
        foreach (string name in fields.Keys.Where(n => !Fields.Contains(n)))
        {
            throw new ScenarioException(file, name, $"unknown field; expected one of: {string.Join(", ", Fields)}");
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        if (!fields.TryGetValue("scenario", out var scenario))
        {
            throw new ScenarioException(file, "scenario", "is required (the scenario file, relative to the sweep file)");
        }

        LhsSample? sample = null;
        if (fields.TryGetValue("sample", out var sampleElement))
        {
            var s = Properties(sampleElement, "sample", file);
            foreach (string name in s.Keys.Where(n => n is not ("lhs" or "seed")))
            {
                throw new ScenarioException(file, $"sample.{name}", "unknown field; expected lhs (points) and seed");
            }

            int points = s.TryGetValue("lhs", out var lhs) ? Int(lhs, "sample.lhs", file, 1, 100_000) : throw new ScenarioException(file, "sample.lhs", "is required (the number of Latin-hypercube points)");
            sample = new LhsSample(points, s.TryGetValue("seed", out var seed) ? Long(seed, "sample.seed", file) : 1);
        }

        var parameters = new List<SweepParameter>();
        if (fields.TryGetValue("parameters", out var parametersElement))
        {
            foreach (var (name, value) in Properties(parametersElement, "parameters", file))
            {
                string where = $"parameters.{name}";
                parameters.Add(new SweepParameter(name, sample is null ? Values(value, where, file) : Range(value, where, file)));
            }
        }

        List<string>? designs = null;
        if (fields.TryGetValue("designs", out var designsElement))
        {
            designs = [.. Array(designsElement, "designs", file).Select((d, i) => String(d, $"designs[{i}]", file))];
            if (designs.Count == 0)
            {
                throw new ScenarioException(file, "designs", "must name at least one design (or leave the field out for the scenario's)");
            }

            if (designs.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new ScenarioException(file, "designs", $"names '{twice.Key}' twice");
            }
        }

        double? duration = null;
        if (fields.TryGetValue("durationSeconds", out var durationElement))
        {
            duration = durationElement.ValueKind == JsonValueKind.Number && durationElement.TryGetDouble(out double d) && d >= 0.001 && d <= 31_536_000
                ? d
                : throw new ScenarioException(file, "durationSeconds", $"must be a number of seconds from 0.001 to 31,536,000; got {durationElement.GetRawText()}");
        }

        return new SweepRequest
        {
            ScenarioPath = Path.Combine(folder, String(scenario, "scenario", file)),
            Parameters = parameters,
            Designs = designs,
            Seeds = fields.TryGetValue("seeds", out var seeds) ? Int(seeds, "seeds", file, 1, 1_000_000) : null,
            Parallel = fields.TryGetValue("parallel", out var parallel) ? Int(parallel, "parallel", file, 1, 4096) : null,
            DurationSeconds = duration,
            Sample = sample,
            Keep = fields.TryGetValue("keep", out var keep)
                ? SweepCommand.ParseKeep(String(keep, "keep", file)) ?? throw new ScenarioException(file, "keep", $"must be summary, liquidations or all; got {keep.GetRawText()}")
                : SweepKeep.Liquidations,
            Out = fields.TryGetValue("out", out var output) ? Path.Combine(folder, String(output, "out", file)) : null,
        };
    }

    /// <summary>An object's properties in order; a repeated name is an error (JsonDocument would keep both).</summary>
    private static Dictionary<string, JsonElement> Properties(JsonElement element, string where, string file)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ScenarioException(file, where, $"must be a JSON object; got {Kind(element)}");
        }

        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!result.TryAdd(property.Name, property.Value))
            {
                throw new ScenarioException(file, where.Length == 0 ? property.Name : $"{where}.{property.Name}", "is given twice");
            }
        }

        return result;
    }

    /// <summary>A grid parameter's values, in the form <c>--set PATH=V1,V2</c> gives them: numbers as written, bare words unquoted.</summary>
    private static List<string> Values(JsonElement element, string where, string file)
    {
        var values = Array(element, where, file);
        if (values.Count == 0)
        {
            throw new ScenarioException(file, where, "must list at least one value");
        }

        return [.. values.Select(v => v.ValueKind == JsonValueKind.String && !IsJson(v.GetString()!) ? v.GetString()! : v.GetRawText())];
    }

    /// <summary>A sampled parameter's range <c>{ "low": L, "high": H }</c> as the bounds <c>--set PATH=L..H</c> gives.</summary>
    private static List<string> Range(JsonElement element, string where, string file)
    {
        string shape = $"with \"sample\" must be a range {{ \"low\": L, \"high\": H }} of numbers L ≤ H; got {element.GetRawText()}";
        var bounds = element.ValueKind == JsonValueKind.Object ? Properties(element, where, file) : throw new ScenarioException(file, where, shape);
        if (bounds.Keys.FirstOrDefault(k => k is not ("low" or "high")) is { } unknown)
        {
            throw new ScenarioException(file, $"{where}.{unknown}", "unknown field; a sampled range is { \"low\": L, \"high\": H }");
        }

        if (!bounds.TryGetValue("low", out var low) || !bounds.TryGetValue("high", out var high)
            || low.ValueKind != JsonValueKind.Number || high.ValueKind != JsonValueKind.Number
            || !double.IsFinite(low.GetDouble()) || !double.IsFinite(high.GetDouble()) || low.GetDouble() > high.GetDouble())
        {
            throw new ScenarioException(file, where, shape);
        }

        return [low.GetRawText(), high.GetRawText()];
    }

    private static List<JsonElement> Array(JsonElement element, string where, string file) => element.ValueKind == JsonValueKind.Array
        ? [.. element.EnumerateArray()]
        : throw new ScenarioException(file, where, $"must be a JSON array; got {Kind(element)}");

    private static string String(JsonElement element, string where, string file) => element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text
        ? text
        : throw new ScenarioException(file, where, $"must be a non-empty string; got {Kind(element)}");

    private static int Int(JsonElement element, string where, string file, int min, int max) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value) && value >= min && value <= max
            ? value
            : throw new ScenarioException(file, where, string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min:N0} to {max:N0}; got {element.GetRawText()}"));

    private static long Long(JsonElement element, string where, string file) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out long value)
            ? value
            : throw new ScenarioException(file, where, $"must be a whole number; got {element.GetRawText()}");

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
