using System.Globalization;

namespace Microstructure.Analysis.Tables;

/// <summary>RFC 4180 field text in the invariant culture, formatted without allocating for numbers.</summary>
internal static class CsvText
{
    /// <summary>RFC 4180 record separator.</summary>
    public const string LineEnd = "\r\n";

    public static void WriteInt64(TextWriter writer, long value)
    {
        Span<char> buffer = stackalloc char[20];
        value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
    }

    /// <summary>Shortest text that parses back to the same double ("R"); NaN and ±Infinity as .NET spells them.</summary>
    public static void WriteDouble(TextWriter writer, double value)
    {
        Span<char> buffer = stackalloc char[32];
        value.TryFormat(buffer, out int written, "R", CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
    }

    /// <summary>Null → empty field; "" → a quoted empty field; quotes a field holding , " CR or LF, doubling quotes.</summary>
    public static void WriteString(TextWriter writer, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > 0 && value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        foreach (char c in value)
        {
            if (c == '"')
            {
                writer.Write('"');
            }

            writer.Write(c);
        }

        writer.Write('"');
    }
}
