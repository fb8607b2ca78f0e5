using System.Net;
using System.Text;

namespace Microstructure.Analysis.Reports.Html;

/// <summary>
/// Renders the Markdown inline subset the reports use — <c>**bold**</c>, <c>[text](link)</c>, <c>`code`</c>, line
/// breaks — as HTML; everything else is text and is escaped, so a value can never inject markup.
/// </summary>
internal static class MarkdownInline
{
    public static string ToHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder(text.Length + 16);
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == '*' && At(text, i, "**") && text.IndexOf("**", i + 2, StringComparison.Ordinal) is int close and > 0 && close > i + 2)
            {
                html.Append("<strong>").Append(ToHtml(text[(i + 2)..close])).Append("</strong>");
                i = close + 2;
            }
            else if (text[i] == '`' && text.IndexOf('`', i + 1) is int end and > 0)
            {
                html.Append("<code>").Append(Escape(text[(i + 1)..end])).Append("</code>");
                i = end + 1;
            }
            else if (text[i] == '[' && Link(text, i) is var (label, target, next))
            {
                html.Append("<a href=\"").Append(Escape(target)).Append("\">").Append(ToHtml(label)).Append("</a>");
                i = next;
            }
            else if (text[i] == '\n' || text[i] == '\r')
            {
                html.Append("<br>");
                i += At(text, i, "\r\n") ? 2 : 1;
            }
            else
            {
                int start = i++;
                while (i < text.Length && text[i] is not ('*' or '`' or '[' or '\n' or '\r'))
                {
                    i++;
                }

                html.Append(Escape(text[start..i]));
            }
        }

        return html.ToString();
    }

    /// <summary>HTML-escapes text for element content and double-quoted attributes.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static bool At(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    /// <summary>A link "[label](target)" starting at <paramref name="open"/>: its parts and the index after it; null if there is none.</summary>
    private static (string Label, string Target, int Next)? Link(string text, int open)
    {
        int closeLabel = text.IndexOf("](", open + 1, StringComparison.Ordinal);
        if (closeLabel < 0 || text.IndexOf('\n', open, closeLabel - open) >= 0)
        {
            return null;
        }

        int closeTarget = text.IndexOf(')', closeLabel + 2);
        if (closeTarget < 0)
        {
            return null;
        }

        string target = text[(closeLabel + 2)..closeTarget];
        if (target.Length == 0 || target.Any(char.IsWhiteSpace) || target.Contains(':', StringComparison.Ordinal))
        {
            // Only relative links (the run directory's own files); anything else stays text.
            return null;
        }

        return (text[(open + 1)..closeLabel], target, closeTarget + 1);
    }
}
