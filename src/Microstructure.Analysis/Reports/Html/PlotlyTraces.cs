using System.Text.Json.Nodes;

namespace Microstructure.Analysis.Reports.Html;

/// <summary>The Plotly traces and shapes the reports use, as plain Plotly JSON objects (add or change attributes freely).</summary>
internal static class PlotlyTraces
{
    /// <summary>A line; <paramref name="stepped"/> holds each value until the next point (a step series).</summary>
    public static JsonObject Line(string name, JsonArray x, JsonArray y, string color, bool stepped = false, double width = 1.5) => new()
    {
        ["type"] = "scatter",
        ["mode"] = "lines",
        ["name"] = name,
        ["x"] = x,
        ["y"] = y,
        ["line"] = new JsonObject { ["color"] = color, ["width"] = width, ["shape"] = stepped ? "hv" : "linear" },
    };

    /// <summary>Markers; <paramref name="hoverText"/> (one per point, may be null) is shown on hover.</summary>
    public static JsonObject Markers(string name, JsonArray x, JsonArray y, string color, string symbol = "circle", double size = 8, JsonArray? hoverText = null)
    {
        var trace = new JsonObject
        {
            ["type"] = "scatter",
            ["mode"] = "markers",
            ["name"] = name,
            ["x"] = x,
            ["y"] = y,
            ["marker"] = new JsonObject { ["color"] = color, ["symbol"] = symbol, ["size"] = size, ["opacity"] = 0.85 },
        };
        if (hoverText is not null)
        {
            trace["text"] = hoverText;
            trace["hovertemplate"] = "%{text}<extra></extra>";
        }

        return trace;
    }

    /// <summary>A heatmap: <paramref name="z"/>[row][column] over <paramref name="y"/> (rows) and <paramref name="x"/> (columns).</summary>
    public static JsonObject Heatmap(string name, JsonArray x, JsonArray y, JsonArray z, string colorBarTitle, string colorScale = "Viridis") => new()
    {
        ["type"] = "heatmap",
        ["name"] = name,
        ["x"] = x,
        ["y"] = y,
        ["z"] = z,
        ["colorscale"] = colorScale,
        ["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = colorBarTitle } },
    };

    /// <summary>A vertical dashed line across the plot at <paramref name="x"/> (a layout shape).</summary>
    public static JsonObject VerticalLine(double x, string color, string dash = "dash") => new()
    {
        ["type"] = "line",
        ["xref"] = "x",
        ["yref"] = "paper",
        ["x0"] = x,
        ["x1"] = x,
        ["y0"] = 0,
        ["y1"] = 1,
        ["line"] = new JsonObject { ["color"] = color, ["width"] = 1.5, ["dash"] = dash },
    };
}
