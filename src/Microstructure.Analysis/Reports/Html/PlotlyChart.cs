using System.Text.Json;
using System.Text.Json.Nodes;

namespace Microstructure.Analysis.Reports.Html;

/// <summary>
/// One Plotly figure of an <see cref="HtmlReport"/>: its traces (<see cref="Data"/>), <see cref="Layout"/> and
/// <see cref="Config"/> as plain Plotly JSON (https://plotly.com/javascript/reference/ names every attribute), so any
/// chart type can be built; <see cref="PlotlyTraces"/> has the common ones. Serialization is deterministic: objects
/// keep their insertion order, numbers are written shortest-round-trip, NaN and ±∞ become null (a gap).
/// </summary>
internal sealed class PlotlyChart
{
    /// <summary>A chart with a title, axis titles and a height in pixels (its width follows the page).</summary>
    public PlotlyChart(string title, string xTitle, string yTitle, int height = 480)
    {
        Layout = new JsonObject
        {
            // Left-aligned, so a long title does not run under the mode bar (top right).
            ["title"] = new JsonObject { ["text"] = title, ["x"] = 0.01, ["xanchor"] = "left", ["font"] = new JsonObject { ["size"] = 16 } },
            ["height"] = height,
            ["margin"] = new JsonObject { ["l"] = 70, ["r"] = 30, ["t"] = 60, ["b"] = 60 },
            ["hovermode"] = "closest",
            ["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = xTitle }, ["zeroline"] = false },
            ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = yTitle }, ["zeroline"] = false },
            ["legend"] = new JsonObject { ["orientation"] = "h", ["y"] = -0.2 },
        };
    }

    /// <summary>The traces, drawn in order.</summary>
    public JsonArray Data { get; } = [];

    /// <summary>The layout (title, axes, shapes, annotations…).</summary>
    public JsonObject Layout { get; }

    /// <summary>Plotly's config: responsive, no logo, the PNG download button kept.</summary>
    public JsonObject Config { get; } = new() { ["responsive"] = true, ["displaylogo"] = false };

    /// <summary>An optional line under the chart (Markdown inline, see <see cref="MarkdownInline"/>).</summary>
    public string Caption { get; set; } = "";

    /// <summary>The x axis object of the layout.</summary>
    public JsonObject XAxis => (JsonObject)Layout["xaxis"]!;

    /// <summary>The y axis object of the layout.</summary>
    public JsonObject YAxis => (JsonObject)Layout["yaxis"]!;

    /// <summary>Adds a trace.</summary>
    public PlotlyChart Add(JsonObject trace)
    {
        Data.Add(trace);
        return this;
    }

    /// <summary>Adds a layout shape (e.g. <see cref="PlotlyTraces.VerticalLine"/>).</summary>
    public PlotlyChart Shape(JsonObject shape)
    {
        if (Layout["shapes"] is not JsonArray shapes)
        {
            shapes = [];
            Layout["shapes"] = shapes;
        }

        shapes.Add(shape);
        return this;
    }

    /// <summary>Adds a note in the middle of the plot area (e.g. "No liquidations in this run").</summary>
    public PlotlyChart Note(string text)
    {
        if (Layout["annotations"] is not JsonArray notes)
        {
            notes = [];
            Layout["annotations"] = notes;
        }

        notes.Add(new JsonObject
        {
            ["text"] = text, ["xref"] = "paper", ["yref"] = "paper", ["x"] = 0.5, ["y"] = 0.5,
            ["showarrow"] = false, ["font"] = new JsonObject { ["size"] = 16, ["color"] = "#666" },
        });
        return this;
    }

    /// <summary>Numbers as a JSON array, rounded to <paramref name="decimals"/> when given (smaller files); NaN and ±∞ as null.</summary>
    public static JsonArray Numbers(ReadOnlySpan<double> values, int? decimals = null)
    {
        var array = new JsonArray();
        foreach (double v in values)
        {
            array.Add(double.IsFinite(v) ? JsonValue.Create(decimals is { } d ? Math.Round(v, d) : v) : null);
        }

        return array;
    }

    /// <summary>Integers as a JSON array.</summary>
    public static JsonArray Numbers(ReadOnlySpan<long> values)
    {
        var array = new JsonArray();
        foreach (long v in values)
        {
            array.Add(JsonValue.Create(v));
        }

        return array;
    }

    /// <summary>Strings as a JSON array.</summary>
    public static JsonArray Strings(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (string v in values)
        {
            array.Add(JsonValue.Create(v));
        }

        return array;
    }

    /// <summary>
    /// <c>Plotly.newPlot("id", data, layout, config);</c>. The JSON escapes &lt;, &gt;, &amp; and every non-ASCII
    /// character as \u escapes (the default encoder), so it cannot close the script element it sits in.
    /// </summary>
    internal string NewPlotScript(string id) =>
        $"Plotly.newPlot(\"{id}\",{Data.ToJsonString(Json)},{Layout.ToJsonString(Json)},{Config.ToJsonString(Json)});";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
}
