using Microstructure.Analysis.Series;
using ScottPlot;

namespace Microstructure.Analysis.Plots;

/// <summary>
/// The insurance fund over the run: its equity (cash + position at the mark) on top, its position in lots below —
/// a position it holds for minutes shows as a long plateau; one it takes over and re-sells at once as a spike.
/// </summary>
internal static class FundChart
{
    /// <summary>Renders the chart as PNG bytes.</summary>
    /// <param name="equity">Fund equity (cash units) at each change.</param>
    /// <param name="position">Fund position (lots) at each change.</param>
    /// <param name="cashToQuote">Multiplier from cash units to quote currency (1 / cash scale).</param>
    /// <param name="currency">Quote currency name.</param>
    /// <param name="shockTimes">Shock times (ns).</param>
    /// <param name="originNs">Time 0 of the x axis (the run's start).</param>
    /// <param name="endNs">End of the run.</param>
    /// <param name="cascade">The cascade window, shaded; null when there were no liquidations.</param>
    /// <param name="size">Image size.</param>
    /// <param name="title">Title.</param>
    public static byte[] RenderPng(
        StepSeries equity,
        StepSeries position,
        double cashToQuote,
        string currency,
        ReadOnlySpan<long> shockTimes,
        long originNs,
        long endNs,
        TimeWindow? cascade,
        ChartSize? size = null,
        string title = "Insurance fund")
    {
        Plot top = ChartCanvas.Create(title, "", $"equity ({currency})");
        Plot bottom = ChartCanvas.Create("Fund position (lots; + long, − short)", "time since the run's start (s)", "position (lots)");
        bottom.Axes.Title.Label.FontSize = 13;
        double endX = ChartCanvas.Seconds(endNs, originNs);
        foreach ((Plot plot, StepSeries series, double scale, Color color, string label) in
                 (ReadOnlySpan<(Plot, StepSeries, double, Color, string)>)[
                     (top, equity, cashToQuote, Colors.DarkGreen, "equity = cash + position × mark"),
                     (bottom, position, 1, Colors.DarkOrange, "position")])
        {
            if (cascade is { } w)
            {
                var span = plot.Add.HorizontalSpan(ChartCanvas.Seconds(w.StartNs, originNs), ChartCanvas.Seconds(w.EndNs, originNs));
                span.FillStyle.Color = Colors.Gold.WithAlpha(0.25);
                span.LineStyle.Width = 0;
                span.LegendText = "cascade window";
            }

            ChartCanvas.Shocks(plot, shockTimes, originNs, long.MinValue, long.MaxValue);
            (double[] x, double[] y) = SeriesDecimation.MinMax(series, 2_000, originNs, scale);
            if (x.Length > 0)
            {
                if (endX > x[^1])
                {
                    x = [.. x, endX];
                    y = [.. y, y[^1]];
                }

                var line = plot.Add.ScatterLine(x, y, color);
                line.ConnectStyle = ConnectStyle.StepHorizontal;
                line.LineWidth = 1.5f;
                line.LegendText = label;
                if (ReferenceEquals(plot, bottom) && HeldNs(position) < (endNs - originNs) / 100)
                {
                    MarkHeld(plot, x, y, color);
                }
            }

            plot.Axes.SetLimitsX(0, Math.Max(endX, 1e-3));
            plot.ShowLegend(Alignment.UpperRight);
        }

        // Integer lots; a flat zero position still gets a readable axis.
        bottom.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (IsFlat(position, 0))
        {
            bottom.Axes.SetLimitsY(-1, 1);
        }

        if (!equity.IsEmpty && IsFlat(equity, equity.Values[0]))
        {
            // A constant equity would autoscale to a hair's width with repeated tick labels: show ±0.01% around it.
            double v = equity.Values[0] * cashToQuote, room = Math.Max(1, Math.Abs(v) * 1e-4);
            top.Axes.SetLimitsY(v - room, v + room);
        }

        if (equity.IsEmpty)
        {
            ChartCanvas.Note(top, "This run has no insurance fund account");
        }
        else if (cascade is null)
        {
            ChartCanvas.Note(top, "No liquidations in this run");
        }

        return ChartCanvas.ToPng([top, bottom], [3, 2], size);
    }

    /// <summary>Renders and writes the chart to <paramref name="path"/>.</summary>
    public static void SavePng(
        string path,
        StepSeries equity,
        StepSeries position,
        double cashToQuote,
        string currency,
        ReadOnlySpan<long> shockTimes,
        long originNs,
        long endNs,
        TimeWindow? cascade,
        ChartSize? size = null,
        string title = "Insurance fund") =>
        ChartCanvas.WriteFile(path, RenderPng(equity, position, cashToQuote, currency, shockTimes, originNs, endNs, cascade, size, title));

    /// <summary>
    /// Dots on the points where the fund holds a position, drawn when it held one for under 1% of the run: a position
    /// taken over and re-sold at one instant is otherwise a hairline at the scale of the run.
    /// </summary>
    private static void MarkHeld(Plot plot, double[] x, double[] y, Color color)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < x.Length; i++)
        {
            if (y[i] != 0)
            {
                xs.Add(x[i]);
                ys.Add(y[i]);
            }
        }

        if (xs.Count > 0)
        {
            plot.Add.Markers(xs.ToArray(), ys.ToArray(), MarkerShape.FilledCircle, 6, color);
        }
    }

    /// <summary>Total time (ns) the series is non-zero.</summary>
    internal static long HeldNs(StepSeries position)
    {
        ReadOnlySpan<long> t = position.Times;
        ReadOnlySpan<long> v = position.Values;
        long held = 0;
        for (int i = 0; i < t.Length; i++)
        {
            if (v[i] != 0)
            {
                held += (i + 1 < t.Length ? t[i + 1] : position.EndNs) - t[i];
            }
        }

        return held;
    }

    private static bool IsFlat(StepSeries series, long value)
    {
        foreach (long v in series.Values)
        {
            if (v != value)
            {
                return false;
            }
        }

        return true;
    }
}
