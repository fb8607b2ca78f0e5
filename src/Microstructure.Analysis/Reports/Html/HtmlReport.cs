using System.Globalization;
using System.Text;
using Microstructure.Analysis.Files;

namespace Microstructure.Analysis.Reports.Html;

/// <summary>
/// Builds one self-contained HTML document (<c>report.html</c>): headings, paragraphs and bullet lists (Markdown
/// inline, see <see cref="MarkdownInline"/>), HTML tables and interactive Plotly charts (<see cref="PlotlyChart"/>),
/// with plotly.js embedded (<see cref="PlotlyScript"/>) so it opens with no network. The output is deterministic:
/// chart elements are numbered in order (<c>chart-1</c>, <c>chart-2</c>, …), nothing carries a time or a random id,
/// line ends are LF. It fills the same <see cref="IReportDocument"/> as report.md, so both can share their text.
/// </summary>
internal sealed class HtmlReport : IReportDocument
{
    private const string Style =
        "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;max-width:1200px;margin:0 auto;padding:0 16px 48px;color:#222;line-height:1.45}" +
        "h1{border-bottom:2px solid #ddd;padding-bottom:6px}h2{margin-top:2em;border-bottom:1px solid #eee}" +
        ".table{overflow-x:auto}table{border-collapse:collapse;margin:8px 0 16px;font-size:14px}th,td{border:1px solid #ddd;padding:4px 8px;white-space:nowrap}" +
        "th{background:#f4f4f4}tbody tr:nth-child(even){background:#fafafa}.chart{width:100%;margin:8px 0}" +
        ".caption{color:#555;font-size:14px;margin:0 0 16px}code{background:#f4f4f4;padding:0 3px}";

    private readonly StringBuilder _body = new();
    private int _charts;

    /// <summary>A document whose browser tab shows <paramref name="title"/>.</summary>
    public HtmlReport(string title)
    {
        Title = title;
    }

    /// <summary>The document's title.</summary>
    public string Title { get; }

    /// <summary>Charts added so far.</summary>
    public int ChartCount => _charts;

    /// <summary>Adds a heading of level 1–6.</summary>
    public HtmlReport Heading(int level, string text)
    {
        if (level is < 1 or > 6)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(level), "HTML headings have levels 1 to 6.");
        }

        return Line($"<h{level}>{MarkdownInline.ToHtml(text)}</h{level}>");
    }

    /// <summary>Adds a paragraph (Markdown inline).</summary>
    public HtmlReport Paragraph(string text) => Line($"<p>{MarkdownInline.ToHtml(text.TrimEnd())}</p>");

    /// <summary>Adds a bullet list (Markdown inline).</summary>
    public HtmlReport Bullets(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Line("<ul>" + string.Concat(items.Select(i => $"<li>{MarkdownInline.ToHtml(i)}</li>")) + "</ul>");
    }

    /// <summary>Adds a table (cells are Markdown inline); every row must have as many cells as the header.</summary>
    /// <exception cref="ArgumentException">A row's cell count differs from the header's (the row is named).</exception>
    public HtmlReport Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<TextAlignment>? alignments = null)
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

        var sb = new StringBuilder("<div class=\"table\"><table><thead><tr>");
        for (int c = 0; c < header.Count; c++)
        {
            sb.Append("<th").Append(Align(alignments, c)).Append('>').Append(MarkdownInline.ToHtml(header[c])).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        int index = 0;
        foreach (IReadOnlyList<string> row in rows)
        {
            if (row.Count != header.Count)
            {
                ThrowHelper.ThrowArgument(nameof(rows), $"Row {index} has {row.Count} cells; the header has {header.Count}.");
            }

            sb.Append("\n<tr>");
            for (int c = 0; c < row.Count; c++)
            {
                sb.Append("<td").Append(Align(alignments, c)).Append('>').Append(MarkdownInline.ToHtml(row[c])).Append("</td>");
            }

            sb.Append("</tr>");
            index++;
        }

        return Line(sb.Append("</tbody></table></div>").ToString());
    }

    /// <summary>Adds a two-column "metric | value" table.</summary>
    public HtmlReport KeyValueTable(IEnumerable<(string Key, string Value)> entries, string keyHeader = "metric", string valueHeader = "value") =>
        Table([keyHeader, valueHeader], entries.Select(e => (IReadOnlyList<string>)[e.Key, e.Value]), [TextAlignment.Left, TextAlignment.Right]);

    /// <summary>Adds an interactive chart (element <c>chart-N</c>, N = 1, 2, … in order) and its caption.</summary>
    public HtmlReport Chart(PlotlyChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        string id = "chart-" + (++_charts).ToString(CultureInfo.InvariantCulture);
        Line($"<div id=\"{id}\" class=\"chart\"></div>");
        Line($"<script>{chart.NewPlotScript(id)}</script>");
        return chart.Caption.Length > 0 ? Line($"<p class=\"caption\">{MarkdownInline.ToHtml(chart.Caption)}</p>") : this;
    }

    IReportDocument IReportDocument.Heading(int level, string text) => Heading(level, text);

    IReportDocument IReportDocument.Paragraph(string text) => Paragraph(text);

    IReportDocument IReportDocument.Bullets(IEnumerable<string> items) => Bullets(items);

    IReportDocument IReportDocument.Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<TextAlignment>? alignments) =>
        Table(header, rows, alignments);

    IReportDocument IReportDocument.KeyValueTable(IEnumerable<(string Key, string Value)> entries, string keyHeader, string valueHeader) =>
        KeyValueTable(entries, keyHeader, valueHeader);

    /// <summary>The whole document.</summary>
    public override string ToString()
    {
        var html = new StringBuilder(PlotlyScript.Source.Length + _body.Length + 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(MarkdownInline.Escape(Title)).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n");
        if (_charts > 0)
        {
            html.Append("<script>").Append(PlotlyScript.Source).Append("</script>\n");
        }

        return html.Append("</head>\n<body>\n").Append(_body).Append("</body>\n</html>\n").ToString();
    }

    /// <summary>Writes the document to <paramref name="path"/> (UTF-8 without BOM), a new file (<see cref="OutputFile"/>).</summary>
    /// <exception cref="IOException">The path exists (or is a link), or the file cannot be written.</exception>
    public void Save(string path) => OutputFile.Write(path, new UTF8Encoding(false).GetBytes(ToString()));

    private static string Align(IReadOnlyList<TextAlignment>? alignments, int column) => (alignments?[column] ?? TextAlignment.Left) switch
    {
        TextAlignment.Right => " style=\"text-align:right\"",
        TextAlignment.Center => " style=\"text-align:center\"",
        _ => "",
    };

    private HtmlReport Line(string line)
    {
        _body.Append(line).Append('\n');
        return this;
    }
}
