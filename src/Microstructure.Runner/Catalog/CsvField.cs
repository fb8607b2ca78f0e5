namespace Microstructure.Runner.Catalog;

/// <summary>One CSV field as the catalog and <c>micro query --csv</c> write it (RFC 4180: quoted when it holds , " CR or LF).</summary>
public static class CsvField
{
    /// <summary>The field as written; an empty field stays empty.</summary>
    public static string Quote(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
