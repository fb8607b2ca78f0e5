using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microstructure.Analysis.Recording;
using Microstructure.Analysis.Tests.Plots;
using Microstructure.Analysis.Tests.Recording.TestSupport;
using Microstructure.Risk;

namespace Microstructure.Analysis.Tests.Recording;

/// <summary>The run directory of the hand-computed cascade (see <see cref="SmallCascade"/>): every figure checked by hand.</summary>
public sealed partial class RunRecorderTests(RecordedSmallCascade run) : IClassFixture<RecordedSmallCascade>
{
    private const long Usd = 100_000_000;

    [Fact]
    public void Each_liquidation_row_holds_the_hand_computed_trigger_parent_sweep_slippage_and_bankruptcy_gap()
    {
        List<Dictionary<string, string?>> rows = TableText.CsvRecords(run.File("analysis/liquidations.csv"));
        Assert.Equal(3, rows.Count);

        // #1: A (cash −900) breached by the shock's last trade 90.20; sells 5 @ 88 + 5 @ 86.
        AssertRow(rows[0], new()
        {
            ["liquidation_id"] = "1", ["parent_id"] = "0", ["cascade"] = "0", ["wave"] = "1", ["account"] = "1",
            ["agent"] = "leveraged-long", ["design"] = "full-close", ["cause"] = "mark_move", ["side"] = "sell",
            ["position_lots"] = "10", ["trigger_mark"] = "9020", ["mark_before"] = "10000",
            ["equity"] = L(2 * Usd), ["maintenance_margin"] = L(451_000_000), ["margin_ratio"] = "225500000",
            ["bankruptcy_price"] = "9000", ["orders"] = "1", ["depth_consumed"] = "10", ["levels_swept"] = "2",
            ["book_notional"] = L(870 * Usd), ["vwap"] = "8700", ["mid_before"] = "18900", ["mid_after"] = "18500",
            ["slippage"] = L(32 * Usd), ["bankruptcy_gap"] = L(-30 * Usd), ["bankruptcy_gap_ticks"] = "-300",
            ["notional"] = L(870 * Usd), ["closed_lots"] = "10", ["fund_before"] = L(1_000 * Usd),
            ["fund_delta"] = L(-30 * Usd), ["bad_debt"] = "0", ["adl_count"] = "0", ["depth_before"] = "115",
            ["lots_left"] = "0",
        });
        Assert.Equal(32.0 / 902 * 10_000, D(rows[0]["slippage_bp"]), 9);
        Assert.Equal(10.0 / 115, D(rows[0]["depth_consumed_share"]), 12);

        // #2: C (cash −870) breached by A's fills (mark 86 ≤ 87.43) while already bankrupt (equity −10): ratio ∞.
        AssertRow(rows[1], new()
        {
            ["liquidation_id"] = "2", ["parent_id"] = "1", ["wave"] = "2", ["account"] = "3", ["trigger_mark"] = "8600",
            ["mark_before"] = "9020", ["equity"] = L(-10 * Usd), ["margin_ratio"] = L(long.MaxValue),
            ["bankruptcy_price"] = "8700", ["levels_swept"] = "2", ["depth_consumed"] = "10", ["vwap"] = "8300",
            ["mid_before"] = "18500", ["mid_after"] = "18300", ["slippage"] = L(30 * Usd),
            ["bankruptcy_gap"] = L(-40 * Usd), ["fund_delta"] = L(-40 * Usd), ["notional"] = L(830 * Usd),
        });

        // #3: B (cash −819) breached by C's fills (mark 82 ≤ 82.31); sells the last 5 @ 82 and 5 @ 79.
        AssertRow(rows[2], new()
        {
            ["liquidation_id"] = "3", ["parent_id"] = "2", ["wave"] = "3", ["account"] = "2", ["trigger_mark"] = "8200",
            ["mark_before"] = "8600", ["equity"] = L(1 * Usd), ["margin_ratio"] = "410000000", ["bankruptcy_price"] = "8190",
            ["levels_swept"] = "2", ["vwap"] = "8050", ["mid_before"] = "18300", ["mid_after"] = "18000",
            ["slippage"] = L(15 * Usd), ["bankruptcy_gap"] = L(-14 * Usd), ["bankruptcy_gap_ticks"] = "-140",
            ["fund_delta"] = L(-14 * Usd), ["notional"] = L(805 * Usd),
        });
        Assert.Equal(15.0 / 820 * 10_000, D(rows[2]["slippage_bp"]), 9);
    }

    [Fact]
    public void The_cascade_row_is_the_causal_tree_with_its_move_amplification_and_recoveries()
    {
        Dictionary<string, string?> c = Assert.Single(TableText.CsvRecords(run.File("analysis/cascades.csv")));
        AssertRow(c, new()
        {
            ["root_id"] = "1", ["count"] = "3", ["waves"] = "3", ["start_ns"] = "2000000000", ["end_ns"] = "2000000000",
            ["total_notional"] = L(2_505 * Usd), ["direction"] = "sell", ["mid_before"] = "18900", ["extreme_mid"] = "18000",
            ["peak_to_trough"] = "900", ["shock_notional"] = L(906 * Usd),
            // The mid is back at 189.00 when the provider re-bids at 7 s; depth (115 lots before) is 0 at the 3 s
            // snapshot and 110 ≥ 0.9 × 115 at the 8 s one.
            ["mid_recovery_ns"] = "5000000000", ["depth_before"] = "115", ["min_depth"] = "0",
            ["depth_recovery_ns"] = "6000000000",
        });
        Assert.Equal(2_505.0 / 906, D(c["amplification"]), 12);
        Assert.Equal(900.0 / 18_900, D(c["peak_to_trough_rel"]), 12);
    }

    [Fact]
    public void The_returned_summary_has_the_run_totals()
    {
        RunSummary s = run.Summary;
        Assert.Equal(3, s.Liquidations);
        Assert.Equal(1, s.Cascades);
        Assert.Equal(3, s.LargestCascadeSize);
        Assert.Equal(2_505 * Usd, s.LiquidatedNotional);
        Assert.Equal(84 * Usd, s.FundUsage);
        Assert.Equal(-84 * Usd, s.FundNetChange);
        Assert.Equal(0, s.BadDebt);
        Assert.Equal(0, s.AdlCount);
        Assert.Equal(1_200.0 / 19_200, s.MaxDrawdown, 12); // peak 192.00 before the shock, trough 180.00
        Assert.Equal(5_000_000_000, s.MidRecoveryNs);
        Assert.Equal(6_000_000_000, s.DepthRecoveryNs);
        Assert.Equal(7, s.MarketOrders); // three buys, the shock, three liquidation orders
        Assert.Equal(70, s.Volume);
        Assert.Equal(run.Script.Events.Count, s.Counts.Events);
        Assert.Equal(2_505m, s.ToQuote(s.LiquidatedNotional));
    }

    [Fact]
    public void Every_tape_table_has_one_row_per_event_of_its_kind()
    {
        List<ExchangeEvent> events = run.Script.Events;
        int Count(Func<ExchangeEvent, bool> f) => events.Count(f);
        Assert.Equal(Count(e => e.Type == ExchangeEventType.Trade), Rows("tape/trades.csv"));
        Assert.Equal(Count(e => e.Type == ExchangeEventType.TopOfBook), Rows("tape/l1.csv"));
        Assert.Equal(Count(e => e.Type == ExchangeEventType.AutoDeleverage), Rows("tape/adl.csv"));
        Assert.Equal(Count(e => e.Type is ExchangeEventType.InsuranceFund or ExchangeEventType.BadDebt), Rows("tape/fund.csv"));
        Assert.Equal(Count(e => LiquidationTapeRows.Holds(e.Type)), Rows("tape/liquidation_events.csv"));
        Assert.Equal(3, Rows("tape/depth.csv")); // the three L2 snapshots
        Assert.Equal(11, Rows("tape/trades.csv"));
        // 7 accounts (3 longs, seller, provider, shocker, fund) at 2, 3, 7, 8 s and the end (10 s); none known at 1 s.
        Assert.Equal(35, Rows("tape/accounts.csv"));
        Assert.Equal(run.Summary.Counts.Trades, Rows("tape/trades.csv"));
        Assert.Equal(run.Summary.Counts.AccountSnapshots, Rows("tape/accounts.csv"));
    }

    [Fact]
    public void Account_snapshots_follow_positions_cash_and_equity_from_the_events()
    {
        List<Dictionary<string, string?>> rows = TableText.CsvRecords(run.File("tape/accounts.csv"));
        Dictionary<string, string?> Row(long t, long account) =>
            rows.Single(r => r["time_ns"] == L(t) && r["account"] == L(account));

        // Just before the shock (2 s): A long 10 at 100.00 with cash −900, mark 100.00 → equity $100.
        AssertRow(Row(2_000_000_000, SmallCascade.A), new() { ["lots"] = "10", ["cash"] = L(-900 * Usd), ["equity"] = L(100 * Usd), ["mark"] = "10000" });
        // After the cascade: A flat with the deficit covered; the provider bought all 40 lots; the fund paid 84.
        AssertRow(Row(3_000_000_000, SmallCascade.A), new() { ["lots"] = "0", ["cash"] = "0", ["equity"] = "0" });
        AssertRow(Row(3_000_000_000, SmallCascade.Provider), new() { ["lots"] = "40", ["mark"] = "7900" });
        AssertRow(Row(10_000_000_000, run.Script.Exchange.InsuranceFundAccountId), new() { ["cash"] = L(916 * Usd), ["agent"] = "insurance-fund" });
    }

    [Fact]
    public void Impact_orders_group_fills_per_taker_order_with_mids_before_after_and_later()
    {
        List<Dictionary<string, string?>> rows = TableText.CsvRecords(run.File("analysis/impact_orders.csv"));
        Assert.Equal(7, rows.Count);
        Dictionary<string, string?> shock = rows.Single(r => r["account"] == L(SmallCascade.Shocker));
        AssertRow(shock, new() { ["side"] = "sell", ["quantity"] = "10", ["trades"] = "2", ["levels"] = "2", ["mid_before"] = "19200", ["mid_after"] = "18900", ["mid_later"] = "18000", ["liquidation_id"] = "0" });
        Assert.Equal(Math.Log(19_200.0 / 18_900), D(shock["immediate_impact"]), 12);
        Assert.Equal(Math.Log(19_200.0 / 18_000), D(shock["permanent_impact"]), 12);
        Assert.Equal(["1", "2", "3"], rows.Where(r => r["liquidation_id"] != "0").Select(r => r["liquidation_id"]!));
        Assert.All(rows.Where(r => r["liquidation_id"] != "0"), r => Assert.StartsWith("-", r["order_id"]));
        // V = 70 lots over 10 s = 420 per 60 s window.
        Assert.All(rows, r => Assert.Equal(10 / 420.0, D(r["size_over_volume"]), 12));
    }

    [Fact]
    public async Task Every_parquet_table_holds_exactly_what_its_csv_holds()
    {
        string[] csvs = [.. Directory.GetFiles(run.Directory, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        Assert.Equal(14, csvs.Length); // 9 tape tables (risk_monitor and liquidation_map with their headers only: no monitor here), 5 analysis tables
        foreach (string csv in csvs)
        {
            List<string?[]> fromCsv = TableText.Csv(csv);
            List<string?[]> fromParquet = await TableText.ParquetAsync(Path.ChangeExtension(csv, ".parquet"));
            Assert.Equal(fromCsv.Count, fromParquet.Count);
            for (int i = 0; i < fromCsv.Count; i++)
            {
                Assert.True(fromCsv[i].SequenceEqual(fromParquet[i]), $"{Path.GetFileName(csv)} row {i}: [{string.Join(",", fromCsv[i])}] vs [{string.Join(",", fromParquet[i])}]");
            }
        }
    }

    [Fact]
    public void Summary_json_carries_the_headline_units_tape_counts_and_file_list()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(run.File("summary.json")));
        JsonElement root = doc.RootElement;
        Assert.Equal(["run", "units", "headline", "cascade_dynamics", "tape", "cascades", "impact", "return_interval_ns", "stylized_facts", "options", "files"],
            root.EnumerateObject().Select(p => p.Name));
        JsonElement h = root.GetProperty("headline");
        Assert.Equal(3, h.GetProperty("liquidations").GetInt64());
        Assert.Equal(2_505 * Usd, h.GetProperty("liquidated_notional").GetInt64());
        Assert.Equal(2_505.0, h.GetProperty("liquidated_notional_quote").GetDouble());
        Assert.Equal(-84.0, h.GetProperty("fund_net_change_quote").GetDouble());
        Assert.Equal(5_000_000_000, h.GetProperty("mid_recovery_ns").GetInt64());
        Assert.Equal(JsonValueKind.Null, h.GetProperty("hill_alpha").ValueKind); // 10 s of 1 s returns: too few
        Assert.Equal(1_000_000, root.GetProperty("units").GetProperty("cash_per_tick_lot").GetInt64());
        Assert.Equal(11, root.GetProperty("tape").GetProperty("trades").GetInt64());
        Assert.Equal(1, root.GetProperty("cascades").GetProperty("largest").GetProperty("root_id").GetInt64());
        string[] files = [.. root.GetProperty("files").EnumerateArray().Select(f => f.GetString()!)];
        Assert.All(files, f => Assert.True(File.Exists(run.File(f)), f));
        Assert.Contains("tape/trades.parquet", files);
        Assert.Contains("plots/price.png", files);
        Assert.DoesNotContain(run.Directory, File.ReadAllText(run.File("summary.json"))); // no absolute paths
    }

    [Fact]
    public void The_report_tells_what_happened_and_links_only_files_that_exist()
    {
        string report = File.ReadAllText(run.File("report.md"));
        Assert.StartsWith("# Run report: small-cascade\n", report);
        foreach (string heading in (string[])["## What happened", "## Key figures", "## Cascades", "## Largest liquidations", "## Price impact", "## Stylized facts of returns", "## Plots", "## Files"])
        {
            Assert.Contains(heading + "\n", report);
        }

        Assert.Contains("3 liquidations formed 1 cascade and liquidated 2,505.00 USD", report);
        Assert.Contains("2.765× the shock", report);
        Assert.Contains("∞ (equity ≤ 0)", report); // C was already bankrupt at its trigger
        string[] links = [.. LinkTarget().Matches(report).Select(m => m.Groups[1].Value)];
        Assert.Contains("plots/cascades.png", links);
        Assert.Contains("analysis/liquidations.csv", links);
        Assert.All(links, l => Assert.True(File.Exists(run.File(l)), $"report links {l}, which does not exist"));
    }

    [Fact]
    public void The_six_plots_are_real_pngs_of_the_configured_size()
    {
        PngAssert.IsNonTrivialPng(File.ReadAllBytes(run.File("plots/depth.png")), 1200, 700);

        // Three liquidations at one instant and seven orders are sparse pictures (mostly white): check they decode at the
        // configured size, are drawn (many colours from anti-aliased marks and text) and have a title.
        foreach (string png in (string[])["price", "cascades", "liquidations-per-second", "fund", "impact"])
        {
            byte[] bytes = File.ReadAllBytes(run.File($"plots/{png}.png"));
            using SkiaSharp.SKBitmap bitmap = SkiaSharp.SKBitmap.Decode(bytes);
            Assert.Equal((1200, 700), (bitmap.Width, bitmap.Height));
            Assert.True(bitmap.Pixels.Distinct().Count() >= 20, $"{png}.png has almost no colours");
            Assert.True(PngAssert.InkInTopRows(bytes, 40) > 100, $"{png}.png has no title");
        }
    }

    [GeneratedRegex(@"\]\(([^)]+)\)")]
    private static partial Regex LinkTarget();

    private int Rows(string relative) => TableText.Csv(run.File(relative)).Count - 1;

    private static string L(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static double D(string? text) => double.Parse(text!, CultureInfo.InvariantCulture);

    private static void AssertRow(Dictionary<string, string?> row, Dictionary<string, string> expected)
    {
        foreach ((string column, string value) in expected)
        {
            Assert.True(row.ContainsKey(column), $"no column {column}");
            Assert.True(value == row[column], $"{column}: expected {value}, got {row[column]}");
        }
    }
}
