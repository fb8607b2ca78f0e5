using System.Text;

namespace Microstructure.Analysis.Tests.Tables;

/// <summary>
/// A small reference RFC 4180 reader for the tests: quoted fields may hold commas, quotes ("") and line breaks.
/// An unquoted empty field reads as null, a quoted empty field as "".
/// </summary>
internal static class CsvReader
{
    public static List<string?[]> Parse(string text)
    {
        var rows = new List<string?[]>();
        var row = new List<string?>();
        var field = new StringBuilder();
        bool quoted = false, wasQuoted = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    wasQuoted = true;
                    i++;
                    break;
                case ',':
                    row.Add(Take(field, ref wasQuoted));
                    i++;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    row.Add(Take(field, ref wasQuoted));
                    rows.Add([.. row]);
                    row.Clear();
                    i += 2;
                    break;
                default:
                    Assert.False(c is '\r' or '\n', $"bare line break at offset {i}: records must end with CRLF");
                    field.Append(c);
                    i++;
                    break;
            }
        }

        Assert.True(row.Count == 0 && field.Length == 0, "file must end with CRLF");
        return rows;
    }

    private static string? Take(StringBuilder field, ref bool wasQuoted)
    {
        string? value = field.Length == 0 && !wasQuoted ? null : field.ToString();
        field.Clear();
        wasQuoted = false;
        return value;
    }
}
