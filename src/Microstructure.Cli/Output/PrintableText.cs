using System.Globalization;
using System.Text;

namespace Microstructure.Cli.Output;

/// <summary>
/// A message for the terminal with its control and format characters escaped (<c>\r</c>, <c>\x1B</c>, <c>\u202E</c> …):
/// an error quoting a file's bytes or name can neither garble the terminal nor span several lines.
/// </summary>
internal static class PrintableText
{
    /// <summary><paramref name="text"/> with control and format characters escaped.</summary>
    public static string Of(string text)
    {
        var sb = (StringBuilder?)null;
        var i = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var printable = Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
            if (!printable)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length + 16);
                sb.Append(rune.Value switch
                {
                    '\r' => "\\r",
                    '\n' => "\\n",
                    '\t' => "\\t",
                    < 0x100 => string.Create(CultureInfo.InvariantCulture, $"\\x{rune.Value:X2}"),
                    _ => string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}"),
                });
            }
            else
            {
                sb?.Append(rune.ToString());
            }

            i += rune.Utf16SequenceLength;
        }

        return sb?.ToString() ?? text;
    }
}
