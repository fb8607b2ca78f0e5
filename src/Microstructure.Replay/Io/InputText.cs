using System.Globalization;
using System.Text;

namespace Microstructure.Replay.Io;

/// <summary>
/// Input text quoted in an error message, made safe for a terminal: control and format characters (CR, ESC, bidi
/// overrides …) become escapes (<c>\r</c>, <c>\x1B</c>, <c>\u202E</c>), bytes that are not UTF-8 become <c>\xNN</c>,
/// and a snippet is cut after a few dozen characters — so a binary or CR-only file cannot garble the terminal or turn
/// a one-line error into many.
/// </summary>
internal static class InputText
{
    /// <summary>Characters of input a snippet keeps before "…".</summary>
    public const int SnippetLength = 40;

    /// <summary>The bytes of an input field or line as printable text, at most <paramref name="max"/> characters plus "…".</summary>
    public static string Snippet(ReadOnlySpan<byte> bytes, int max = SnippetLength)
    {
        var text = new StringBuilder(Math.Min(bytes.Length, max) + 8);
        var shown = 0;
        while (!bytes.IsEmpty)
        {
            if (shown >= max)
            {
                text.Append('…');
                break;
            }

            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                Append(text, rune);
            }
            else
            {
                consumed = Math.Max(1, consumed);
                for (var i = 0; i < consumed; i++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"\\x{bytes[i]:X2}");
                }
            }

            bytes = bytes[consumed..];
            shown++;
        }

        return text.ToString();
    }

    /// <summary><paramref name="text"/> with its control and format characters escaped (nothing is cut).</summary>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = true;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsPrintable(rune))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var rune in text.EnumerateRunes())
        {
            Append(sb, rune);
        }

        return sb.ToString();
    }

    private static bool IsPrintable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);

    private static void Append(StringBuilder sb, Rune rune)
    {
        if (IsPrintable(rune))
        {
            sb.Append(rune.ToString());
            return;
        }

        _ = rune.Value switch
        {
            '\r' => sb.Append("\\r"),
            '\n' => sb.Append("\\n"),
            '\t' => sb.Append("\\t"),
            < 0x100 => sb.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:X2}"),
            _ => sb.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}"),
        };
    }
}
