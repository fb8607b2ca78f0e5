using System.Text.Encodings.Web;
using System.Text.Json;
using Microstructure.Analysis.Files;

namespace Microstructure.Analysis.Reports;

/// <summary>
/// An ordered JSON object for <c>summary.json</c>: keys come out in the order they were added (so the file is
/// stable run to run and diffs cleanly), numbers in the invariant shortest round-trip form, and non-finite
/// doubles — which JSON cannot express — as <c>null</c>.
/// </summary>
public sealed class JsonSummary
{
    private readonly List<KeyValuePair<string, object?>> _entries = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    /// <summary>Number of keys.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds an integer.</summary>
    public JsonSummary Add(string key, long value) => Put(key, value);

    /// <summary>Adds an integer or null.</summary>
    public JsonSummary Add(string key, long? value) => Put(key, value);

    /// <summary>Adds a double (NaN and ±∞ are written as null).</summary>
    public JsonSummary Add(string key, double value) => Put(key, value);

    /// <summary>Adds a string or null.</summary>
    public JsonSummary Add(string key, string? value) => Put(key, value);

    /// <summary>Adds a boolean.</summary>
    public JsonSummary Add(string key, bool value) => Put(key, value);

    /// <summary>Adds an array of doubles (non-finite entries as null).</summary>
    public JsonSummary Add(string key, IReadOnlyList<double> values) => Put(key, values.ToArray());

    /// <summary>Adds an array of integers.</summary>
    public JsonSummary Add(string key, IReadOnlyList<long> values) => Put(key, values.ToArray());

    /// <summary>Adds an array of strings.</summary>
    public JsonSummary Add(string key, IReadOnlyList<string> values) => Put(key, values.ToArray());

    /// <summary>Adds a nested object (built by the caller).</summary>
    public JsonSummary Add(string key, JsonSummary value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Put(key, value);
    }

    /// <summary>Adds an array of nested objects.</summary>
    public JsonSummary Add(string key, IReadOnlyList<JsonSummary> values) => Put(key, values.ToArray());

    /// <summary>Adds a new empty nested object under <paramref name="key"/> and returns it for filling.</summary>
    public JsonSummary AddObject(string key)
    {
        var child = new JsonSummary();
        Put(key, child);
        return child;
    }

    /// <summary>Writes the object (indented, LF line ends, UTF-8 without BOM) to <paramref name="stream"/>.</summary>
    public void WriteTo(Stream stream)
    {
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file for people: keep "≥" and "µ" readable
        };
        using var writer = new Utf8JsonWriter(stream, options);
        WriteObject(writer, this);
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>
    /// Writes the object to <paramref name="path"/>, a new file: written under a temporary name and renamed into place,
    /// never over an existing file or through a symbolic link.
    /// </summary>
    /// <exception cref="IOException">The path exists (or is a link), or the file cannot be written.</exception>
    public void Save(string path) => OutputFile.Write(path, WriteTo);

    /// <summary>The JSON text.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        WriteTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private JsonSummary Put(string key, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (!_keys.Add(key))
        {
            ThrowHelper.ThrowArgument(nameof(key), $"Key '{key}' is already in this object.");
        }

        _entries.Add(new KeyValuePair<string, object?>(key, value));
        return this;
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonSummary summary)
    {
        writer.WriteStartObject();
        foreach ((string key, object? value) in summary._entries)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case double:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case JsonSummary o:
                WriteObject(writer, o);
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (object? item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                ThrowHelper.ThrowInvalidOperation($"Unsupported value type {value.GetType()}.");
                break;
        }
    }
}
