using Microstructure.Analysis.Files;
using ScottPlot;

namespace Microstructure.Analysis.Plots;

/// <summary>Shared set-up and output of every chart: the embedded font, a white background, PNG encoding.</summary>
internal static class ChartCanvas
{
    /// <summary>Palette for waves, trees and designs (Tableau 10: distinguishable, colour-blind aware).</summary>
    public static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        PlotFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(PlotFonts.FamilyName);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>Renders to PNG bytes; ScottPlot and Skia are deterministic for the same inputs, font and library versions.</summary>
    public static byte[] ToPng(Plot plot, ChartSize? size)
    {
        ChartSize s = size ?? ChartSize.Default;
        try
        {
            return plot.GetImageBytes(s.Width, s.Height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }

    /// <summary>
    /// Renders panels stacked top to bottom into one PNG; <paramref name="heights"/> are the panels' relative heights
    /// (whole numbers, e.g. [1, 2] for a third and two thirds).
    /// </summary>
    public static byte[] ToPng(IReadOnlyList<Plot> panels, IReadOnlyList<int> heights, ChartSize? size)
    {
        ChartSize s = size ?? ChartSize.Default;
        var multiplot = new Multiplot();
        var layout = new ScottPlot.MultiplotLayouts.CustomGrid();
        int total = heights.Sum(), row = 0;
        try
        {
            for (int i = 0; i < panels.Count; i++)
            {
                // The same room for every panel's left axis, so that their x axes line up.
                if (panels[i].Axes.Left is ScottPlot.AxisPanels.AxisBase left)
                {
                    left.MinimumSize = 110;
                }

                multiplot.AddPlot(panels[i]);
                layout.Set(panels[i], new GridCell(row, 0, total, 1, heights[i], 1));
                row += heights[i];
            }

            multiplot.Layout = layout;
            using Image image = multiplot.Render(s.Width, s.Height);
            return image.GetImageBytes(ImageFormat.Png, 100);
        }
        finally
        {
            foreach (Plot panel in panels)
            {
                panel.Dispose();
            }
        }
    }

    /// <summary>A note in the middle of the panel ("No liquidations in this run").</summary>
    public static void Note(Plot plot, string text)
    {
        var note = plot.Add.Annotation(text, Alignment.MiddleCenter);
        note.LabelFontSize = 18;
        note.LabelBackgroundColor = Colors.White.WithAlpha(0.9);
        note.LabelBorderColor = Colors.Gray;
    }

    /// <summary>Dashed vertical lines at the shocks inside [<paramref name="fromNs"/>, <paramref name="toNs"/>]; one legend entry.</summary>
    public static void Shocks(Plot plot, ReadOnlySpan<long> shockTimes, long originNs, long fromNs, long toNs)
    {
        bool labelled = false;
        double previous = double.NaN;
        foreach (long t in shockTimes)
        {
            double x = Seconds(t, originNs);
            if (t < fromNs || t > toNs || x == previous)
            {
                continue;
            }

            previous = x;
            var line = plot.Add.VerticalLine(x, 1.5f, Colors.DarkMagenta.WithAlpha(0.8), LinePattern.Dashed);
            if (!labelled)
            {
                line.LegendText = "shock";
                labelled = true;
            }
        }
    }

    /// <summary>A legend entry with a filled marker and no plottable behind it.</summary>
    public static void LegendMarker(Plot plot, string label, MarkerShape shape, float size, Color color) =>
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = label,
            MarkerShape = shape,
            MarkerSize = size,
            MarkerFillColor = color,
            MarkerLineColor = color,
        });

    /// <summary>Tick labels of a log10 axis shown as the plain values 10^v.</summary>
    public static void LogTicks(IAxis axis)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = v => Math.Pow(10, v).ToString(v >= 0 ? "#,0" : "G3", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Seconds since <paramref name="originNs"/>.</summary>
    public static double Seconds(long timeNs, long originNs) => (timeNs - originNs) / 1e9;

    public static void WriteFile(string path, byte[] png)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        OutputFile.Write(path, png);
    }
}
