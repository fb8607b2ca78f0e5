using Microstructure.Analysis.Plots;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// The run's PNGs in plots/: price with liquidation markers, cascade timeline, impact curve, depth heatmap. A plot
/// with nothing to show is not written; <see cref="Write"/> returns the ones that were and says why the others were not.
/// </summary>
internal static class RunPlots
{
    public const string Price = "price.png";
    public const string Cascades = "cascades.png";
    public const string Impact = "impact.png";
    public const string Depth = "depth.png";

    public static (List<PlotFile> Written, List<string> Skipped) Write(RecordedRun run, RunAnalysisResult analysis)
    {
        var written = new List<PlotFile>();
        var skipped = new List<string>();
        ChartSize size = run.Options.PlotSize;
        double halfTick = (double)run.Info.TickSize / 2;
        string title = $"{run.Info.ScenarioName} · {run.Info.DesignName} · seed {run.Info.Seed}";

        if (run.Mid.IsEmpty)
        {
            skipped.Add("No two-sided mid was ever seen: no price plot.");
        }
        else
        {
            Save(run, Price, "Mid price with every liquidation (triangles, coloured by wave)", written, path =>
                PriceChart.SavePng(path, run.Mid, halfTick, run.Records, analysis.Forest, size, $"Mid price and liquidations — {title}"));
        }

        if (run.Records.Length == 0)
        {
            skipped.Add("No liquidations: no cascade timeline.");
        }
        else
        {
            Save(run, Cascades, "Cascade timeline: liquidations by time and wave, lines to their parents", written, path =>
                CascadeTimelineChart.SavePng(path, run.Records, analysis.Forest, size, $"Cascade timeline — {title}"));
        }

        if (analysis.ImpactBins.Length == 0)
        {
            skipped.Add("Too few aggressive orders with a known impact for an impact curve (a bin needs 5).");
        }
        else
        {
            Save(run, Impact, "Immediate impact vs Q/V with the square-root-law fit", written, path =>
                ImpactCurveChart.SavePng(path, analysis.ImpactBins, analysis.ImpactFit, size, $"Price impact vs Q/V — {title}"));
        }

        DepthGrid? grid = run.DepthTracker.BuildGrid();
        if (grid is null)
        {
            skipped.Add("No L2 snapshots in the event stream: no depth plot.");
        }
        else
        {
            Save(run, Depth, "Order book depth over time (heatmap of visible lots by price; white line: mid)", written, path =>
                DepthHeatmapChart.SavePng(path, grid, halfTick, run.Mid.IsEmpty ? null : run.Mid, size, $"Depth over time — {title}"));
        }

        return (written, skipped);
    }

    private static void Save(RecordedRun run, string file, string description, List<PlotFile> written, Action<string> render)
    {
        string path = Path.Combine(run.Directory.Plots, file);
        RunDirectory.Guard(path, () => render(path));
        written.Add(new PlotFile(description, run.Directory.Relative(path)));
    }
}
