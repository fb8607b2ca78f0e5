using System.Globalization;
using System.Text;
using Microstructure.Analysis.Files;

namespace Microstructure.Analysis.Reports;

/// <summary>
/// Builds a Markdown document (<c>report.md</c>) from sections, paragraphs, tables and image links. Blocks are
/// separated by one blank line; line ends are LF; table cells are escaped so that a "|" or a line break in a value
/// cannot break the table.
/// </summary>
internal sealed class MarkdownReport : IReportDocument
{
    private readonly StringBuilder _text = new();

    /// <summary>Adds a heading of level 1–6.</summary>
    public MarkdownReport Heading(int level, string text)
    {
        if (level is < 1 or > 6)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(level), "Markdown headings have levels 1 to 6.");
        }

        return Block(new string('#', level) + " " + OneLine(text));
    }

    /// <summary>Adds a paragraph of Markdown text (written as given).</summary>
    public MarkdownReport Paragraph(string text) => Block(text.TrimEnd());

    /// <summary>Adds a bullet list.</summary>
    public MarkdownReport Bullets(IEnumerable<string> items) =>
        Block(string.Join("\n", items.Select(i => "- " + OneLine(i))));

    /// <summary>Adds a fenced code block.</summary>
    public MarkdownReport Code(string text, string language = "")
    {
        // A fence longer than any backtick run inside keeps the block closed where it should be.
        int longest = 0, run = 0;
        foreach (char c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        string fence = new('`', Math.Max(3, longest + 1));
        return Block($"{fence}{language}\n{text.TrimEnd('\n')}\n{fence}");
    }

    /// <summary>Adds an image link; the path is relative to the report (forward slashes), encoded for Markdown.</summary>
    public MarkdownReport Image(string altText, string relativePath)
    {
        string path = relativePath.Replace('\\', '/')
            .Replace(" ", "%20", StringComparison.Ordinal)
            .Replace("(", "%28", StringComparison.Ordinal)
            .Replace(")", "%29", StringComparison.Ordinal);
        string alt = OneLine(altText).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
        return Block($"![{alt}]({path})");
    }

    /// <summary>Adds a table; every row must have as many cells as the header.</summary>
    /// <exception cref="ArgumentException">A row's cell count differs from the header's (the row is named).</exception>
    public MarkdownReport Table(
        IReadOnlyList<string> header,
        IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlyList<TextAlignment>? alignments = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        if (header.Count == 0)
        {
            ThrowHelper.ThrowArgument(nameof(header), "A table needs at least one column.");
        }

        if (alignments is not null && alignments.Count != header.Count)
        {
            ThrowHelper.ThrowArgument(nameof(alignments), "Give one alignment per column.");
        }

        var sb = new StringBuilder();
        AppendRow(sb, header);
        sb.Append("\n|");
        for (int c = 0; c < header.Count; c++)
        {
            sb.Append((alignments?[c] ?? TextAlignment.Left) switch
            {
                TextAlignment.Right => "---:|",
                TextAlignment.Center => ":---:|",
                _ => "---|",
            });
        }

        int index = 0;
        foreach (IReadOnlyList<string> row in rows)
        {
            if (row.Count != header.Count)
            {
                ThrowHelper.ThrowArgument(nameof(rows), $"Row {index} has {row.Count} cells; the header has {header.Count}.");
            }

            sb.Append('\n');
            AppendRow(sb, row);
            index++;
        }

        return Block(sb.ToString());
    }

    /// <summary>Adds a two-column "metric | value" table.</summary>
    public MarkdownReport KeyValueTable(IEnumerable<(string Key, string Value)> entries, string keyHeader = "metric", string valueHeader = "value") =>
        Table([keyHeader, valueHeader], entries.Select(e => (IReadOnlyList<string>)[e.Key, e.Value]), [TextAlignment.Left, TextAlignment.Right]);

    IReportDocument IReportDocument.Heading(int level, string text) => Heading(level, text);

    IReportDocument IReportDocument.Paragraph(string text) => Paragraph(text);

    IReportDocument IReportDocument.Bullets(IEnumerable<string> items) => Bullets(items);

    IReportDocument IReportDocument.Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<TextAlignment>? alignments) =>
        Table(header, rows, alignments);

    IReportDocument IReportDocument.KeyValueTable(IEnumerable<(string Key, string Value)> entries, string keyHeader, string valueHeader) =>
        KeyValueTable(entries, keyHeader, valueHeader);

    /// <summary>The document text.</summary>
    public override string ToString() => _text.ToString();

    /// <summary>Writes the document to <paramref name="path"/> (UTF-8 without BOM), a new file (<see cref="OutputFile"/>).</summary>
    /// <exception cref="IOException">The path exists (or is a link), or the file cannot be written.</exception>
    public void Save(string path) => OutputFile.Write(path, new UTF8Encoding(false).GetBytes(_text.ToString()));

    /// <summary>A number for a report: <paramref name="significantDigits"/> significant digits, invariant culture, "n/a" for NaN/∞.</summary>
    public static string Format(double value, int significantDigits = 4)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        return value.ToString("G" + significantDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>An integer with invariant thousands separators (1,234,567).</summary>
    public static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>An optional integer; "n/a" for null.</summary>
    public static string Format(long? value) => value is { } v ? Format(v) : "n/a";

    private MarkdownReport Block(string block)
    {
        if (_text.Length > 0)
        {
            _text.Append('\n');
        }

        _text.Append(block).Append('\n');
        return this;
    }

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string> cells)
    {
        sb.Append('|');
        foreach (string cell in cells)
        {
            sb.Append(' ').Append(EscapeCell(cell)).Append(" |");
        }
    }

    private static string EscapeCell(string cell) =>
        OneLine(cell).Replace("|", "\\|", StringComparison.Ordinal);

    private static string OneLine(string text) =>
        text.Replace("\r\n", "<br>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal).Replace("\r", "<br>", StringComparison.Ordinal);
}
