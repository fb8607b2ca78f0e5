using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Plots;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// The run's PNGs in plots/: price (whole run and the cascade window) with liquidations coloured by close type, the
/// cascade tree, liquidations per second, the insurance fund, the impact curve and the depth heatmap around the mid.
/// The plots about liquidations are written also when there were none (they say so); a plot whose data are missing
/// altogether is not written, and <see cref="Write"/> says why.
/// </summary>
internal static class RunPlots
{
    public const string Price = "price.png";
    public const string Cascades = "cascades.png";
    public const string LiquidationsPerSecond = "liquidations-per-second.png";
    public const string Fund = "fund.png";
    public const string Impact = "impact.png";
    public const string Depth = "depth.png";
    public const string LiquidationMap = "liquidation-map.png";

    /// <summary>Smallest padding of the price and rate windows on each side of the cascade.</summary>
    public const long MinPadNs = 5_000_000_000;

    /// <summary>Smallest padding of the depth window (its columns are the L2 snapshots, seconds apart).</summary>
    public const long DepthMinPadNs = 30_000_000_000;

    /// <summary>Writes the plots into <paramref name="written"/>; returns why some were not written.</summary>
    /// <param name="run">The run.</param>
    /// <param name="analysis">Its analysis.</param>
    /// <param name="written">Receives each plot written.</param>
    /// <param name="cancellationToken">Once cancelled, the plots not yet drawn are not (the caller sees the token).</param>
    public static List<string> Write(RecordedRun run, RunAnalysisResult analysis, List<PlotFile> written, CancellationToken cancellationToken)
    {
        var skipped = new List<string>();
        ChartSize size = run.Options.PlotSize;
        RecordedRunInfo info = run.Info;
        double halfTick = (double)info.TickSize / 2;
        string title = $"{info.ScenarioName} · {info.DesignName} · seed {info.Seed}";
        long origin = info.StartNs;
        LiquidationCloseType[] types = LiquidationCloseTypes.Of(run.Liquidations);
        long[] times = run.Records.Select(r => r.TimeNs).ToArray();
        long[] shocks = info.Shocks.Select(s => s.TimeNs).ToArray();
        TimeWindow window = TimeWindow.AroundCascade(times, origin, run.EndNs, MinPadNs);
        TimeWindow? cascade = times.Length > 0 ? window : null;

        if (run.Mid.IsEmpty)
        {
            skipped.Add("No two-sided mid was ever seen: no price plot.");
        }
        else
        {
            Save(Price, "Mid price over the run and around the cascade; shocks dashed; liquidations coloured by what closed most of their lots (book, fund, ADL)", written, path =>
                PriceChart.SavePng(path, run.Mid, halfTick, run.Records, types, shocks, origin, window, size, $"Mid price and liquidations — {title}"));
        }

        Save(Cascades, "Cascade tree: liquidations by time and generation, lines to their parents, dot area ∝ notional", written, path =>
            CascadeTimelineChart.SavePng(path, run.Records, analysis.Forest, types, c => Money.Format(c, info.CashScale, info.QuoteCurrency), size, $"Cascade tree — {title}"));

        Save(LiquidationsPerSecond, "Liquidations per second around the cascade, stacked by close type (book, fund, ADL)", written, path =>
            LiquidationRateChart.SavePng(path, times, types, shocks, origin, window, size, $"Liquidations per second — {title}"));

        Save(Fund, "Insurance fund: equity (cash + position at the mark) and position in lots over the run", written, path =>
            FundChart.SavePng(path, run.FundEquity, run.FundPosition, 1.0 / info.CashScale, info.QuoteCurrency, shocks, origin, run.EndNs, cascade, size, $"Insurance fund — {title}"));

        if (analysis.ImpactBins.Length == 0)
        {
            skipped.Add("Too few aggressive orders with a known impact for an impact curve (a bin needs 5).");
        }
        else
        {
            Save(Impact, "Immediate impact vs Q/V with the square-root-law fit", written, path =>
                ImpactCurveChart.SavePng(path, analysis.ImpactBins, analysis.ImpactFit, size, $"Price impact vs Q/V — {title}"));
        }

        TimeWindow depthWindow = TimeWindow.AroundCascade(times, origin, run.EndNs, DepthMinPadNs);
        long maxOffset = run.Mid.IsEmpty ? long.MaxValue : (long)Math.Ceiling(run.Options.DepthBandFraction * MaxOf(run.Mid));
        DepthGrid? grid = run.DepthTracker.BuildRelativeGrid(depthWindow.StartNs, depthWindow.EndNs, maxOffset);
        if (grid is null)
        {
            skipped.Add("No L2 snapshots in the event stream: no depth plot.");
        }
        else
        {
            string scope = times.Length > 0 ? "around the cascade" : "over the run";
            Save(Depth, $"Order book depth {scope}: visible lots by ticks from the mid (log colour scale)", written, path =>
                DepthHeatmapChart.SaveAroundMidPng(path, grid, origin, shocks, times, size, $"Depth around the mid — {title}",
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rows: where {DepthTracker.RelativeGridLotShare * 100:0}% of the lots rest")));
        }

        if (run.LiquidationMap.Count == 0)
        {
            skipped.Add("No risk-monitor snapshots (no monitor attached, or nothing priced the contract): no liquidation map.");
        }
        else
        {
            Save(LiquidationMap, "Liquidation map: notional liquidated per price level over time (long and short, log colour scale), the mark as a black line", written, path =>
                LiquidationMapChart.SavePng(path, run.LiquidationMap, (double)info.TickSize, info.CashScale, info.QuoteCurrency, origin, shocks, size, $"Liquidation map — {title}"));
        }

        return skipped;

        void Save(string file, string description, List<PlotFile> into, Action<string> render)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                SavePlot(run, file, description, into, render);
            }
        }
    }

    private static long MaxOf(Series.StepSeries series)
    {
        long max = 0;
        foreach (long v in series.Values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    private static void SavePlot(RecordedRun run, string file, string description, List<PlotFile> written, Action<string> render)
    {
        string path = Path.Combine(run.Directory.Plots, file);
        RunDirectory.Guard(path, () => render(path));
        written.Add(new PlotFile(description, run.Directory.Relative(path)));
    }
}
