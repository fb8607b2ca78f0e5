using System.Globalization;
using Microstructure.Analysis.Recording;
using Spectre.Console;

namespace Microstructure.Cli.Output;

/// <summary>The headline numbers of one run as a two-column table (the full set is in summary.json and report.md).</summary>
internal static class RunSummaryTable
{
    /// <summary>The table for <paramref name="summary"/>.</summary>
    public static Table Build(RunSummary summary, TimeSpan wallTime)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"{Markup.Escape(summary.Scenario)} · {Markup.Escape(summary.Design)} · seed {summary.Seed}");
        table.AddColumn("metric");
        table.AddColumn(new TableColumn("value").RightAligned());
        void Row(string metric, string value) => table.AddRow(Markup.Escape(metric), Markup.Escape(value));
        Row("simulated time", Seconds(summary.EndNs - summary.StartNs));
        Row("wall time", Seconds(wallTime.Ticks * 100));
        Row("exchange events", Count(summary.Counts.Events));
        Row("market orders", Count(summary.MarketOrders));
        Row("liquidations", Count(summary.Liquidations));
        Row("cascades", Count(summary.Cascades));
        Row("largest cascade (liquidations)", Count(summary.LargestCascadeSize));
        Row("liquidated notional", Quote(summary, summary.LiquidatedNotional));
        Row("amplification (liquidated ÷ shock)", double.IsFinite(summary.Amplification) ? Number(summary.Amplification, "0.00") + "×" : "n/a (no shock notional)");
        Row("max drawdown of mid", Number(summary.MaxDrawdown * 100, "0.00") + " %");
        Row("bad debt", Quote(summary, summary.BadDebt));
        Row("unrealized bad debt (held at end)", Quote(summary, summary.UnrealizedBadDebt));
        Row("positions left mid-liquidation", Count(summary.PositionsInLiquidation));
        Row("insurance fund usage", Quote(summary, summary.FundUsage));
        Row("ADL matches", Count(summary.AdlCount));
        Row("mid recovery time", summary.MidRecoveryNs is { } mid ? Seconds(mid) : summary.Cascades == 0 ? "n/a (no cascade)" : "not recovered by the end");
        Row("impact exponent (√ law ≈ 0.5)", Number(summary.ImpactExponent, "0.00"));
        Row("Hill tail index of returns", Number(summary.HillAlpha, "0.00"));
        return table;
    }

    internal static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Number(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static string Quote(RunSummary summary, long cash) =>
        summary.ToQuote(cash).ToString("N2", CultureInfo.InvariantCulture);

    private static string Seconds(long ns) => (ns / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
