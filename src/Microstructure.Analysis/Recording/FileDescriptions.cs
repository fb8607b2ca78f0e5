using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Recording;

/// <summary>One line per file of a run directory for the report's file list, and links to tables in whichever format exists.</summary>
internal static class FileDescriptions
{
    private static readonly Dictionary<string, string> Tables = new(StringComparer.Ordinal)
    {
        ["tape/trades"] = "every fill: taker/maker order and account, aggressor side, price, lots, notional",
        ["tape/l1"] = "every change of the best bid/ask (price and size) and the mid",
        ["tape/depth"] = "every L2 snapshot: visible lots within the depth band around the mid",
        ["tape/liquidation_events"] = "every liquidation event: triggers, orders, takeovers, steps, deferrals, auctions, pool liquidations",
        ["tape/adl"] = "every auto-deleveraging match",
        ["tape/fund"] = "every insurance-fund movement and bad-debt write-off",
        ["tape/accounts"] = "every account's position, cash and equity at each snapshot time",
        ["tape/risk_monitor"] = "the risk monitor each second: open interest, long/short ratio, leverage and margin-ratio percentiles, concentration, fund coverage",
        ["tape/liquidation_map"] = "the risk monitor's liquidation map: long and short notional liquidated per price bucket around the mark, per snapshot",
        ["analysis/liquidations"] = "one row per liquidation: trigger, parent, levels swept, depth consumed, slippage, bankruptcy gap, fund and ADL use",
        ["analysis/cascades"] = "one row per cascade (causal tree): size, notional, peak-to-trough, amplification, recovery times",
        ["analysis/impact_orders"] = "one row per aggressive order: size, Q/V, immediate and permanent impact",
        ["analysis/impact_curve"] = "binned mean impact against Q/V (the points of the impact plot)",
        ["analysis/return_acf"] = "autocorrelation of returns and of |returns| by lag, with bands",
    };

    /// <summary>What the file at <paramref name="relativePath"/> holds.</summary>
    public static string Of(string relativePath)
    {
        string withoutExtension = Path.ChangeExtension(relativePath, null)!.Replace('\\', '/');
        string format = Path.GetExtension(relativePath) == ".parquet" ? " (Parquet)" : " (CSV)";
        return relativePath switch
        {
            RunDirectory.SummaryFile => "the run's numbers as JSON, fixed keys (for scripts and comparisons)",
            RunDirectory.ReportFile => "the report in Markdown (with the PNGs)",
            RunDirectory.HtmlReportFile => "the same report with interactive charts (zoom, hover); one self-contained file, opens offline",
            _ when relativePath.EndsWith(".png", StringComparison.Ordinal) => "plot (PNG)",
            _ => Tables.TryGetValue(withoutExtension, out string? text) ? text + format : "",
        };
    }

    /// <summary>A Markdown link to a table (<c>analysis/cascades</c>) in CSV if written, else Parquet.</summary>
    public static string Link(RecorderOptions options, string table)
    {
        string file = table + (options.Formats.HasFlag(TableFormats.Csv) ? ".csv" : ".parquet");
        return $"[{file}]({file})";
    }
}
