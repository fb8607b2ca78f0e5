namespace Microstructure.Analysis.Reports;

/// <summary>
/// The blocks report.md and report.html share, so one piece of report code fills both: text is Markdown inline
/// (<c>**bold**</c>, <c>[text](relative/link)</c>, <c>`code`</c>), which <see cref="MarkdownReport"/> writes as given
/// and <see cref="Html.HtmlReport"/> renders as HTML.
/// </summary>
internal interface IReportDocument
{
    /// <summary>Adds a heading of level 1–6.</summary>
    IReportDocument Heading(int level, string text);

    /// <summary>Adds a paragraph.</summary>
    IReportDocument Paragraph(string text);

    /// <summary>Adds a bullet list.</summary>
    IReportDocument Bullets(IEnumerable<string> items);

    /// <summary>Adds a table; every row must have as many cells as the header.</summary>
    IReportDocument Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<TextAlignment>? alignments = null);

    /// <summary>Adds a two-column "metric | value" table.</summary>
    IReportDocument KeyValueTable(IEnumerable<(string Key, string Value)> entries, string keyHeader = "metric", string valueHeader = "value");
}
