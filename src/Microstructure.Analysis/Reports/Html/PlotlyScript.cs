namespace Microstructure.Analysis.Reports.Html;

/// <summary>
/// plotly.js (2.28.0, minified) as embedded in this assembly at build time from the Plotly.NET package (see the
/// EmbedPlotlyJs target of Microstructure.Analysis.csproj), so that a report opens with no network.
/// </summary>
internal static class PlotlyScript
{
    private const string ResourceName = "Microstructure.Analysis.plotly.min.js";

    private static readonly Lazy<string> Text = new(Load);

    /// <summary>The script's text, safe inside a script element (no "&lt;/script").</summary>
    public static string Source => Text.Value;

    private static string Load()
    {
        using Stream stream = typeof(PlotlyScript).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing: the build did not embed plotly.js.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        // "</script" inside a script element would end it early; in JavaScript "<\/" reads the same.
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }
}
