using System.Globalization;
using System.Text.Json.Nodes;
using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Plots;
using Microstructure.Analysis.Reports.Html;
using Microstructure.Engine;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// The interactive charts of a run's report.html, from the same data as its PNGs (<see cref="RunPlots"/>): the mid
/// with every liquidation marked (hover: size, account, cascade), the cascade tree, the depth heatmap around the mid
/// and the impact curve with its square-root fit. Long series are thinned (<see cref="SeriesDecimation"/>) and at
/// most <see cref="MaxLiquidations"/> liquidations are drawn, so a report stays a few MB whatever the run's length.
/// </summary>
internal static class RunCharts
{
    /// <summary>At most this many liquidations are drawn (the first in causal order); the caption says so.</summary>
    public const int MaxLiquidations = CascadeTimelineChart.MaxDrawn;

    /// <summary>Buckets of the mid line (each keeps its first, lowest, highest and last point).</summary>
    public const int MidBuckets = 2_000;

    private const int TimeDecimals = 6;

    /// <summary>
    /// Adds the charts; one whose data are missing altogether (no mid, no liquidation, no L2 snapshot, no impact bin)
    /// is left out, and a list under the charts says why — every chart drawn has something in it.
    /// </summary>
    public static void Add(HtmlReport html, RecordedRun run, RunAnalysisResult analysis)
    {
        LiquidationCloseType[] types = LiquidationCloseTypes.Of(run.Liquidations);
        var skipped = new List<string>();
        Chart(run.Mid.IsEmpty ? null : Price(run, analysis, types), "No two-sided mid was ever seen: no price chart.");
        Chart(run.Records.Length == 0 ? null : CascadeTree(run, analysis, types), "No account was liquidated: no cascade tree.");
        Chart(Depth(run), "No L2 snapshots in the event stream: no depth chart.");
        Chart(analysis.ImpactBins.Any(b => b.MeanSize > 0 && b.MeanImpact > 0) ? ImpactCurve(analysis) : null,
            "Too few aggressive orders with a known positive impact for an impact curve (a bin needs 5).");
        if (skipped.Count > 0)
        {
            html.Bullets(skipped);
        }

        void Chart(PlotlyChart? chart, string whyNot)
        {
            if (chart is null)
            {
                skipped.Add(whyNot);
            }
            else
            {
                html.Chart(chart);
            }
        }
    }

    /// <summary>The mid (step line, with a range slider) and one marker per liquidation at (time, mid before it).</summary>
    internal static PlotlyChart Price(RecordedRun run, RunAnalysisResult analysis, LiquidationCloseType[] types)
    {
        RecordedRunInfo info = run.Info;
        long origin = info.StartNs;
        double halfTick = (double)info.TickSize / 2;
        var chart = new PlotlyChart($"Mid price and liquidations — {Title(info)}", "time since the run's start (s)", $"mid price ({info.QuoteCurrency})", 560);
        chart.XAxis["rangeslider"] = new JsonObject { ["visible"] = true, ["thickness"] = 0.08 };
        chart.Layout["legend"] = new JsonObject { ["orientation"] = "h", ["y"] = 1.0, ["yanchor"] = "bottom", ["x"] = 0 };
        chart.Caption = "▼ a long closed, ▲ a short closed; " + CloseTypeStyle.Rule + "; grey dashed lines: shocks. " +
            "Drag on the plot or the slider below it to zoom into the cascade.";
        if (run.Mid.IsEmpty)
        {
            chart.Note("No two-sided mid was ever seen");
        }
        else
        {
            (double[] x, double[] y) = SeriesDecimation.MinMax(run.Mid, MidBuckets, origin, halfTick);
            double endX = ChartCanvas.Seconds(run.Mid.EndNs, origin);
            if (endX > x[^1])
            {
                x = [.. x, endX];
                y = [.. y, y[^1]];
            }

            chart.Add(PlotlyTraces.Line("mid", PlotlyChart.Numbers(x, TimeDecimals), PlotlyChart.Numbers(y, 10), "rgba(0,0,0,0.8)", stepped: true));
        }

        int drawn = Math.Min(run.Records.Length, MaxLiquidations);
        var groups = new SortedDictionary<(LiquidationCloseType Type, Side Side), (List<double> X, List<double> Y, List<string> Text)>();
        for (int i = 0; i < drawn; i++)
        {
            LiquidationRecord r = run.Records[i];
            if (r.MidBefore <= 0)
            {
                continue;
            }

            if (!groups.TryGetValue((types[i], r.Side), out var g))
            {
                g = ([], [], []);
                groups[(types[i], r.Side)] = g;
            }

            g.X.Add(ChartCanvas.Seconds(r.TimeNs, origin));
            g.Y.Add(r.MidBefore * halfTick);
            g.Text.Add(Hover(run, analysis.Forest, types, i));
        }

        foreach (((LiquidationCloseType type, Side side), (List<double> xs, List<double> ys, List<string> text)) in groups)
        {
            chart.Add(PlotlyTraces.Markers(
                $"{LiquidationCloseTypeNames.Label(type)} · {(side == Side.Sell ? "long closed" : "short closed")}",
                PlotlyChart.Numbers(xs.ToArray(), TimeDecimals), PlotlyChart.Numbers(ys.ToArray(), 10), CloseTypeStyle.HexOf(type),
                side == Side.Sell ? "triangle-down" : "triangle-up", 10, PlotlyChart.Strings(text)));
        }

        Shocks(chart, info);
        if (drawn < run.Records.Length)
        {
            chart.Caption += $" The first {drawn:N0} of {run.Records.Length:N0} liquidations are drawn.";
        }

        if (run.Records.Length == 0)
        {
            chart.Caption += " No liquidations in this run.";
        }

        return chart;
    }

    /// <summary>
    /// The causal forest along time: x = time since the run's start (as in the price chart, so the two read together),
    /// y = generation (wave), a grey line from each liquidation to its parent, marker area ∝ liquidated notional.
    /// </summary>
    internal static PlotlyChart CascadeTree(RecordedRun run, RunAnalysisResult analysis, LiquidationCloseType[] types)
    {
        RecordedRunInfo info = run.Info;
        LiquidationRecord[] records = run.Records;
        int drawn = Math.Min(records.Length, MaxLiquidations);
        var chart = new PlotlyChart($"Cascade tree — {Title(info)}", "time since the run's start (s)", "generation in the causal tree (wave)");
        chart.YAxis["rangemode"] = "tozero";
        chart.Caption = "Each dot is a liquidation, a line joins it to the liquidation whose fills triggered it; dot area ∝ liquidated notional; " +
            CloseTypeStyle.Rule + ". Zoom into a cascade to separate its waves.";
        if (drawn == 0)
        {
            return chart.Note("No liquidations in this run");
        }

        CascadeForest forest = analysis.Forest;
        int maxWave = 0;
        for (int i = 0; i < drawn; i++)
        {
            maxWave = Math.Max(maxWave, forest.WaveOf[i]);
        }

        // Whole generations only: about ten ticks whatever the depth of the tree.
        chart.YAxis["dtick"] = Math.Max(1, (int)Math.Ceiling(maxWave / 10.0));
        var indexOfId = new Dictionary<long, int>(drawn);
        long maxNotional = 1;
        for (int i = 0; i < drawn; i++)
        {
            indexOfId[records[i].Id] = i;
            maxNotional = Math.Max(maxNotional, records[i].Notional);
        }

        var linkX = new List<double>();
        var linkY = new List<double>();
        for (int i = 0; i < drawn; i++)
        {
            if (records[i].HasParent && indexOfId.TryGetValue(records[i].ParentId, out int p))
            {
                linkX.AddRange([Seconds(records[p].TimeNs, info.StartNs), Seconds(records[i].TimeNs, info.StartNs), double.NaN]);
                linkY.AddRange([forest.WaveOf[p], forest.WaveOf[i], double.NaN]);
            }
        }

        if (linkX.Count > 0)
        {
            JsonObject links = PlotlyTraces.Line("parent → child", PlotlyChart.Numbers(linkX.ToArray(), TimeDecimals), PlotlyChart.Numbers(linkY.ToArray()), "rgba(128,128,128,0.45)", width: 1);
            links["hoverinfo"] = "skip";
            chart.Add(links);
        }

        foreach (LiquidationCloseType type in types.AsSpan(0, drawn).ToArray().Distinct().Order())
        {
            var xs = new List<double>();
            var ys = new List<double>();
            var sizes = new List<double>();
            var text = new List<string>();
            for (int i = 0; i < drawn; i++)
            {
                if (types[i] == type)
                {
                    xs.Add(Seconds(records[i].TimeNs, info.StartNs));
                    ys.Add(forest.WaveOf[i]);
                    sizes.Add(Math.Round(CascadeTimelineChart.DotSize(records[i].Notional, maxNotional), 1));
                    text.Add(Hover(run, forest, types, i));
                }
            }

            JsonObject markers = PlotlyTraces.Markers(LiquidationCloseTypeNames.Label(type), PlotlyChart.Numbers(xs.ToArray(), TimeDecimals),
                PlotlyChart.Numbers(ys.ToArray()), CloseTypeStyle.HexOf(type), "circle", 8, PlotlyChart.Strings(text));
            ((JsonObject)markers["marker"]!)["size"] = PlotlyChart.Numbers(sizes.ToArray());
            ((JsonObject)markers["marker"]!)["opacity"] = 0.7;
            chart.Add(markers);
        }

        Shocks(chart, info);
        if (drawn < records.Length)
        {
            chart.Caption += $" The first {drawn:N0} of {records.Length:N0} liquidations are drawn.";
        }

        return chart;
    }

    /// <summary>Visible lots by ticks from the mid over time around the cascade (log colour scale), as depth.png; null without L2 snapshots.</summary>
    internal static PlotlyChart? Depth(RecordedRun run)
    {
        RecordedRunInfo info = run.Info;
        long[] times = run.Records.Select(r => r.TimeNs).ToArray();
        TimeWindow window = TimeWindow.AroundCascade(times, info.StartNs, run.EndNs, RunPlots.DepthMinPadNs);
        long maxOffset = run.Mid.IsEmpty ? long.MaxValue : (long)Math.Ceiling(run.Options.DepthBandFraction * MaxOf(run.Mid));
        DepthGrid? grid = run.DepthTracker.BuildRelativeGrid(window.StartNs, window.EndNs, maxOffset);
        string scope = times.Length > 0 ? "around the cascade" : "over the run";
        var chart = new PlotlyChart($"Depth around the mid {scope} — {Title(info)}", "time since the run's start (s)", "ticks from the mid (+ asks above, − bids below)", 520);
        chart.Caption = string.Create(CultureInfo.InvariantCulture,
            $"Colour: visible lots at that distance from the mid (log scale); rows: where {DepthTracker.RelativeGridLotShare * 100:0}% of the lots rest; white: no order. Red dashed lines: first and last liquidation; grey: shocks.");
        if (grid is null)
        {
            return null;
        }

        var x = new double[grid.Buckets];
        for (int b = 0; b < grid.Buckets; b++)
        {
            x[b] = Seconds(grid.StartNs + (b * grid.BucketNs) + (grid.BucketNs / 2), info.StartNs);
        }

        var y = new double[grid.Levels];
        var z = new JsonArray();
        double max = 0;
        for (int l = 0; l < grid.Levels; l++)
        {
            // Offsets are half ticks: ÷ 2 for ticks; a row is drawn at its centre.
            y[l] = (grid.LowestPrice + (l * grid.PriceStep) + (grid.PriceStep / 2.0)) / 2.0;
            var row = new double[grid.Buckets];
            for (int b = 0; b < grid.Buckets; b++)
            {
                double lots = grid[l, b];
                row[b] = lots > 0 ? Math.Log10(lots) : double.NaN;
                max = lots > 0 ? Math.Max(max, row[b]) : max;
            }

            z.Add(PlotlyChart.Numbers(row, 3));
        }

        JsonObject heatmap = PlotlyTraces.Heatmap("depth", PlotlyChart.Numbers(x, TimeDecimals), PlotlyChart.Numbers(y, 3), z, "lots (log scale)");
        int top = Math.Max(1, (int)Math.Ceiling(max));
        var tickValues = Enumerable.Range(0, top + 1).Select(d => (double)d).ToArray();
        heatmap["zmin"] = 0;
        heatmap["zmax"] = top;
        ((JsonObject)heatmap["colorbar"]!)["tickvals"] = PlotlyChart.Numbers(tickValues);
        ((JsonObject)heatmap["colorbar"]!)["ticktext"] = PlotlyChart.Strings(tickValues.Select(d => Math.Pow(10, d).ToString("N0", CultureInfo.InvariantCulture)));
        heatmap["hovertemplate"] = "%{x:.2f} s, %{y} ticks from the mid<br>log10(lots) = %{z:.2f}<extra></extra>";
        chart.Add(heatmap);
        chart.Add(PlotlyTraces.Line("mid", PlotlyChart.Numbers([x[0], x[^1]], TimeDecimals), PlotlyChart.Numbers([0.0, 0.0]), "rgba(255,0,0,0.7)", width: 1));
        ((JsonObject)((JsonObject)chart.Data[^1]!)["line"]!)["dash"] = "dot";
        if (times.Length > 0)
        {
            chart.Shape(PlotlyTraces.VerticalLine(Seconds(times.Min(), info.StartNs), "red"));
            if (times.Max() != times.Min())
            {
                chart.Shape(PlotlyTraces.VerticalLine(Seconds(times.Max(), info.StartNs), "red"));
            }
        }

        Shocks(chart, info, window);
        return chart;
    }

    /// <summary>Binned mean impact against Q/V on log axes, with the fitted square-root law I = Y·σ·(Q/V)^δ.</summary>
    internal static PlotlyChart ImpactCurve(RunAnalysisResult analysis)
    {
        var chart = new PlotlyChart("Price impact vs Q/V", "Q / V (order size over volume per window)", "mean immediate impact (log return)");
        chart.XAxis["type"] = "log";
        chart.YAxis["type"] = "log";
        chart.XAxis["exponentformat"] = "power";
        chart.YAxis["exponentformat"] = "power";
        chart.Caption = "Each point is a log-spaced bin of aggressive orders (hover: the bin's order count and standard error); the line is the square-root-law fit. Bins with a non-positive mean impact cannot be drawn on log axes.";
        var bins = analysis.ImpactBins.Where(b => b.MeanSize > 0 && b.MeanImpact > 0).ToArray();
        if (bins.Length == 0)
        {
            return chart.Note("Too few aggressive orders with a known impact for an impact curve (a bin needs 5)");
        }

        chart.Add(PlotlyTraces.Markers("binned mean impact", PlotlyChart.Numbers(bins.Select(b => b.MeanSize).ToArray()),
            PlotlyChart.Numbers(bins.Select(b => b.MeanImpact).ToArray()), "#1f77b4", "circle", 10,
            PlotlyChart.Strings(bins.Select(b => string.Create(CultureInfo.InvariantCulture,
                $"Q/V {b.MeanSize:G4} (bin {b.Lower:G3}–{b.Upper:G3})<br>mean impact {b.MeanImpact:G4} ± {b.StandardError:G3}<br>{b.Count:N0} orders")))));

        SquareRootLawFit fit = analysis.ImpactFit;
        if (fit.IsDefined && bins.Length > 1)
        {
            double lo = Math.Log10(bins.Min(b => b.MeanSize)), hi = Math.Log10(bins.Max(b => b.MeanSize));
            const int N = 50;
            var fx = new double[N];
            var fy = new double[N];
            for (int i = 0; i < N; i++)
            {
                fx[i] = Math.Pow(10, lo + ((hi - lo) * i / (N - 1)));
                fy[i] = fit.Evaluate(fx[i]);
            }

            chart.Add(PlotlyTraces.Line(
                string.Create(CultureInfo.InvariantCulture, $"fit: δ = {fit.Exponent:F3} ± {fit.ExponentStandardError:F3}, Y = {fit.Prefactor:G3}, R² = {fit.RSquared:F3}"),
                PlotlyChart.Numbers(fx), PlotlyChart.Numbers(fy), "#d62728", width: 2));
        }

        return chart;
    }

    private static string Hover(RecordedRun run, CascadeForest forest, LiquidationCloseType[] types, int i)
    {
        RecordedRunInfo info = run.Info;
        LiquidationMetrics m = run.Liquidations[i];
        LiquidationRecord root = run.Records[forest.Roots[forest.TreeOf[i]]];
        string account = m.Agent.Length > 0 ? $"{m.Account} ({m.Agent})" : m.Account.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"liquidation #{m.Id} at {Seconds(m.TimeNs, info.StartNs):0.######} s<br>" +
            $"{(m.Side == Side.Sell ? "long" : "short")} closed: {m.ClosedLots:N0} lots, {Money.Format(m.ClosedNotional, info.CashScale, info.QuoteCurrency)}<br>" +
            $"account {account}<br>" +
            $"cascade #{root.Id}, wave {forest.WaveOf[i]}{(m.ParentId > 0 ? $", parent #{m.ParentId}" : ", root")}<br>" +
            $"closed by: {LiquidationCloseTypeNames.Label(types[i])}");
    }

    private static void Shocks(PlotlyChart chart, RecordedRunInfo info, TimeWindow? window = null)
    {
        foreach (RecordedShock shock in info.Shocks)
        {
            if (window is not { } w || w.Contains(shock.TimeNs))
            {
                chart.Shape(PlotlyTraces.VerticalLine(Seconds(shock.TimeNs, info.StartNs), "#555"));
            }
        }
    }

    private static string Title(RecordedRunInfo info) => $"{info.ScenarioName} · {info.DesignName} · seed {info.Seed}";

    private static double Seconds(long ns, long origin) => Math.Round(ChartCanvas.Seconds(ns, origin), TimeDecimals);

    private static long MaxOf(Series.StepSeries series)
    {
        long max = 0;
        foreach (long v in series.Values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
