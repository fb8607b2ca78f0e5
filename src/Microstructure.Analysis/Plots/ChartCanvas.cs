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

    /// <summary>Tick labels of a log10 axis shown as the plain values 10^v.</summary>
    public static void LogTicks(IAxis axis)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = v => Math.Pow(10, v).ToString("G3", System.Globalization.CultureInfo.InvariantCulture),
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

        File.WriteAllBytes(path, png);
    }
}
