using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using Microstructure.Runner.Catalog;
using Microstructure.Runner.Recording;
using Microstructure.Runner.Sweeps;
using Microstructure.Runner.Tests.TestSupport;
using Microstructure.Simulation.Running;

namespace Microstructure.Runner.Tests.Catalog;

public sealed class RunCatalogTests
{
    private static SweepPlan Plan(TempFolder folder, string directory, int parallel = 1)
    {
        string scenario = folder.Sub("small.json");
        if (!File.Exists(scenario))
        {
            File.WriteAllText(scenario, TestScenarios.SmallJson);
        }

        return new SweepPlan
        {
            ScenarioPath = scenario,
            Parameters = [new("agents[4].leverage.max", ["40", "80"]), new("shocks[0].quantity", ["1000", "3000"])],
            Designs = ["full-close"],
            Seeds = [3, 4],
            Directory = folder.Sub(directory),
            MaxParallelism = parallel,
            DurationSeconds = 25,
        };
    }

    [Fact]
    public void Every_catalog_row_holds_its_runs_summary_numbers_typed()
    {
        using var folder = new TempFolder();
        var sweep = SweepRunner.Run(Plan(folder, "s"));

        var types = CatalogQuery.Run(sweep.Directory, $"DESCRIBE SELECT * FROM read_parquet('{RunCatalog.ParquetFile}')").Rows
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal);
        var runs = CatalogQuery.Run(sweep.Directory, "SELECT * FROM runs");

        Assert.Equal("VARCHAR", types["key"]);
        Assert.Equal("BIGINT", types["agents[4].leverage.max"]);
        Assert.Equal("VARCHAR", types["design"]);
        Assert.Equal("BIGINT", types["seed"]);
        Assert.Equal("BIGINT", types["liquidations"]);
        Assert.Equal("DOUBLE", types["liquidated_notional_quote"]); // money in quote is DOUBLE even when every run's is 0
        Assert.Equal("BIGINT", types["liquidated_notional"]);
        Assert.Equal(8, runs.Rows.Count);
        int checkedValues = 0;
        foreach (object?[] row in runs.Rows)
        {
            string key = (string)row[0]!;
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(sweep.Directory, "runs", key, "summary.json")));
            var expected = summary.RootElement.GetProperty("headline").EnumerateObject().Select(p => (p.Name, p.Value))
                .Concat(summary.RootElement.TryGetProperty("cascade_dynamics", out var dynamics) ? dynamics.EnumerateObject().Select(p => ("dynamics_" + p.Name, p.Value)) : []);
            foreach (var (name, value) in expected)
            {
                object? actual = row[Index(runs, name)];
                switch (value.ValueKind)
                {
                    case JsonValueKind.Null:
                        Assert.Null(actual);
                        break;
                    case JsonValueKind.Number when types[name] == "BIGINT":
                        Assert.Equal(value.GetInt64(), Assert.IsType<long>(actual));
                        break;
                    case JsonValueKind.Number:
                        Assert.Equal(value.GetDouble(), Convert.ToDouble(actual, CultureInfo.InvariantCulture));
                        break;
                    case JsonValueKind.True or JsonValueKind.False:
                        Assert.Equal(value.GetBoolean(), actual);
                        break;
                    default:
                        Assert.Equal(value.GetString(), actual);
                        break;
                }

                checkedValues++;
            }

            using var point = JsonDocument.Parse(File.ReadAllText(Path.Combine(sweep.Directory, "runs", key, "point.json")));
            Assert.Equal(point.RootElement.GetProperty("seed").GetInt64(), row[Index(runs, "seed")]);
            Assert.Equal(long.Parse(point.RootElement.GetProperty("point").GetProperty("shocks[0].quantity").GetString()!, CultureInfo.InvariantCulture), row[Index(runs, "shocks[0].quantity")]);
        }

        Assert.True(checkedValues > 8 * 20, $"only {checkedValues} values compared");
    }

    /// <summary>Model: whatever whole and fractional numbers (or nulls) the runs' summaries hold, the catalog's runs table returns them exactly, typed.</summary>
    [Property(MaxTest = 20)]
    public bool Any_summary_numbers_come_back_from_the_catalog_as_written(long[] counts, NormalFloat[] ratios)
    {
        using var folder = new TempFolder();
        int n = Math.Clamp(Math.Max(counts.Length, ratios.Length), 1, 5);
        var entries = new List<CatalogEntry>();
        for (int i = 0; i < n; i++)
        {
            string directory = folder.Sub("runs", $"k{i}");
            Directory.CreateDirectory(directory);
            using (var stream = File.Create(Path.Combine(directory, "summary.json")))
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteStartObject("headline");
                json.WriteNumber("count", counts.Length > 0 ? counts[i % counts.Length] : 0);
                if (ratios.Length > 0)
                {
                    json.WriteNumber("ratio_quote", ratios[i % ratios.Length].Get);
                }
                else
                {
                    json.WriteNull("ratio_quote");
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            entries.Add(new CatalogEntry($"k{i}", [new("p", i.ToString(CultureInfo.InvariantCulture))], "d", i, $"runs/k{i}"));
        }

        RunCatalog.Write(folder.Path, ["p"], entries);

        var result = CatalogQuery.Run(folder.Path, "SELECT p, seed, count, ratio_quote, typeof(count), typeof(ratio_quote) FROM runs ORDER BY seed");
        return result.Rows.Count == n && result.Rows.Select((row, i) =>
            (long)row[0]! == i && (long)row[1]! == i
            && (long)row[2]! == (counts.Length > 0 ? counts[i % counts.Length] : 0)
            && (ratios.Length > 0 ? (double)row[3]! == ratios[i % ratios.Length].Get : row[3] is null)
            && (string)row[4]! == "BIGINT" && (string)row[5]! == "DOUBLE").All(ok => ok);
    }

    [Fact]
    public void The_catalog_is_the_same_whatever_the_parallelism()
    {
        using var folder = new TempFolder();

        var one = SweepRunner.Run(Plan(folder, "p1", parallel: 1));
        var two = SweepRunner.Run(Plan(folder, "p2", parallel: 2));

        Assert.Equal(File.ReadAllBytes(Path.Combine(one.Directory, RunCatalog.ParquetFile)), File.ReadAllBytes(Path.Combine(two.Directory, RunCatalog.ParquetFile)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(one.Directory, RunCatalog.CsvFile)), File.ReadAllBytes(Path.Combine(two.Directory, RunCatalog.CsvFile)));
        foreach (string sql in new[] { "SELECT * FROM runs", "SELECT * FROM liquidation_events ORDER BY run, seq, liquidation_id, event" })
        {
            var a = CatalogQuery.Run(one.Directory, sql);
            var b = CatalogQuery.Run(two.Directory, sql);
            Assert.Equal(a.Columns, b.Columns);
            Assert.Equal(a.Rows.Select(r => string.Join('|', r)), b.Rows.Select(r => string.Join('|', r)));
        }
    }

    [Fact]
    public void A_copied_directory_is_queried_through_its_database_with_the_original_gone()
    {
        using var folder = new TempFolder();
        var sweep = SweepRunner.Run(Plan(folder, "s"));
        long events = CatalogQuery.Run(sweep.Directory, "SELECT count(*) FROM liquidation_events").Rows[0][0] is long n ? n : -1;
        string copy = folder.Sub("elsewhere", "copy");
        Copy(sweep.Directory, copy);
        Directory.Delete(sweep.Directory, recursive: true);
        File.Delete(Path.Combine(copy, RunCatalog.CsvFile)); // the fallback would need it: the database answers

        // A view whose files were not found would fail the query: the counts say the copy's own files were read.
        var result = CatalogQuery.Run(copy, "SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM liquidation_events), (SELECT count(DISTINCT key) FROM runs)");

        Assert.Equal(8L, result.Rows[0][0]);
        Assert.Equal(events, result.Rows[0][1]);
        Assert.True(events >= 0);
        Assert.Equal(8L, result.Rows[0][2]);
    }

    [Fact]
    public void A_simulate_directory_gets_a_one_row_catalog_keyed_as_a_sweep_keys_runs_and_its_scenario()
    {
        using var folder = new TempFolder();
        string scenario = folder.Sub("small.json");
        File.WriteAllText(scenario, TestScenarios.SmallJson);
        using var run = new SimulationRun(TestScenarios.Small(), new RunOptions { DurationSeconds = 20 });
        var summary = RecordedSimulation.Execute(run, folder.Sub("run"), new Analysis.Recording.RecorderOptions { WritePlots = false });

        RunCatalog.WriteSimulation(summary.Directory, scenario, run.Info.DesignName, run.Info.Seed, 20);

        Assert.Equal(TestScenarios.SmallJson, File.ReadAllText(folder.Sub("run", RunCatalog.ScenarioFile)));
        var rows = CatalogQuery.Run(summary.Directory, "SELECT key, design, seed, liquidations FROM runs").Rows;
        var row = Assert.Single(rows);
        Assert.Equal(SweepRun.KeyOf(File.ReadAllBytes(scenario), [], run.Info.DesignName, run.Info.Seed, 20), row[0]);
        Assert.Equal(run.Info.DesignName, row[1]);
        Assert.Equal(summary.Liquidations, (long)row[3]!);
        var trades = CatalogQuery.Run(summary.Directory, "SELECT count(*), min(run) FROM trades").Rows[0];
        Assert.Equal(summary.Counts.Trades, (long)trades[0]!);
        Assert.Equal(row[0], trades[1]);
    }

    /// <summary>Every real-unit column of every tape and analysis table, with its integer column and unit.</summary>
    private static readonly Dictionary<string, (string Source, char Unit)[]> Twins = new(StringComparer.Ordinal)
    {
        ["trades"] = [("price", 'P'), ("quantity", 'L'), ("notional", 'C')],
        ["l1"] = [("bid", 'P'), ("bid_qty", 'L'), ("ask", 'P'), ("ask_qty", 'L'), ("mid", 'H'), ("spread", 'P')],
        ["depth"] = [("bid_lots", 'L'), ("ask_lots", 'L'), ("depth_lots", 'L'), ("mid", 'H')],
        ["liquidation_events"] =
        [
            ("quantity", 'L'), ("price", 'P'), ("mark", 'P'), ("bankruptcy_price", 'P'), ("position_lots", 'L'), ("equity", 'C'),
            ("maintenance_margin", 'C'), ("amount", 'C'), ("fund_before", 'C'), ("fund_after", 'C'),
        ],
        ["adl"] = [("quantity", 'L'), ("price", 'P'), ("notional", 'C'), ("mark", 'P')],
        ["fund"] = [("amount", 'C'), ("fund_before", 'C'), ("fund_after", 'C'), ("mark", 'P')],
        ["accounts"] =
        [
            ("lots", 'L'), ("cash", 'C'), ("collateral", 'L'), ("debt", 'C'), ("equity", 'C'), ("position_notional", 'C'),
            ("fees_paid", 'C'), ("mark", 'P'),
        ],
        ["liquidations"] =
        [
            ("position_lots", 'L'), ("lots_to_close", 'L'), ("trigger_mark", 'P'), ("mark_before", 'P'), ("equity", 'C'),
            ("maintenance_margin", 'C'), ("bankruptcy_price", 'P'), ("depth_consumed", 'L'), ("book_notional", 'C'),
            ("mid_before", 'H'), ("mid_after", 'H'), ("slippage", 'C'), ("bankruptcy_gap", 'C'), ("takeover_notional", 'C'),
            ("adl_notional", 'C'), ("auction_notional", 'C'), ("closed_lots", 'L'), ("notional", 'C'), ("fund_before", 'C'),
            ("fund_delta", 'C'), ("bad_debt", 'C'),
        ],
        ["cascades"] =
        [
            ("total_notional", 'C'), ("buy_notional", 'C'), ("sell_notional", 'C'), ("mid_before", 'H'), ("extreme_mid", 'H'),
            ("peak_to_trough", 'H'), ("shock_notional", 'C'), ("depth_before", 'L'), ("min_depth", 'L'),
        ],
        ["impact_orders"] = [("quantity", 'L'), ("notional", 'C'), ("mid_before", 'H'), ("mid_after", 'H'), ("mid_later", 'H')],
        ["risk_monitor"] =
        [
            ("mark", 'P'), ("open_interest_lots", 'L'), ("open_interest_notional", 'C'), ("fund_equity", 'C'), ("within_1pct", 'C'),
            ("within_2pct", 'C'), ("within_5pct", 'C'),
        ],
        ["liquidation_map"] = [("mark", 'P'), ("price_low", 'P'), ("price_high", 'P'), ("long_notional", 'C'), ("short_notional", 'C')],
    };

    [Fact]
    public void Every_real_unit_column_is_its_integer_column_times_its_unit_on_every_row()
    {
        using var folder = new TempFolder();
        string scenario = Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "leveraged-cascade.json");
        using var run = new SimulationRun(Simulation.Scenarios.ScenarioLoader.Load(scenario), new RunOptions { DurationSeconds = 300 });
        var summary = RecordedSimulation.Execute(run, folder.Sub("run"), new Analysis.Recording.RecorderOptions { WritePlots = false });
        RunCatalog.WriteSimulation(summary.Directory, scenario, run.Info.DesignName, run.Info.Seed, 300);
        using var json = JsonDocument.Parse(File.ReadAllText(folder.Sub("run", "summary.json")));
        var units = json.RootElement.GetProperty("units");
        decimal tick = units.GetProperty("tick_size").GetDecimal(), lot = units.GetProperty("lot_size").GetDecimal();
        decimal cashScale = units.GetProperty("cash_scale").GetDecimal();

        long rowsChecked = 0;
        foreach (var (table, twins) in Twins)
        {
            var result = CatalogQuery.Run(summary.Directory, $"SELECT * FROM {table}");
            var realColumns = result.Columns.Where(c => (c.EndsWith("_quote", StringComparison.Ordinal) || c.EndsWith("_base", StringComparison.Ordinal)) && c != "vwap_quote");
            Assert.Equal(realColumns.Order(StringComparer.Ordinal), twins.Select(t => Twin(t.Source, t.Unit)).Order(StringComparer.Ordinal));
            foreach (object?[] row in result.Rows)
            {
                foreach (var (source, unit) in twins)
                {
                    object? integer = row[Index(result, source)];
                    double actual = (double)row[Index(result, Twin(source, unit))]!;
                    if (integer is null || (table == "liquidation_events" && source == "amount" && (string)row[Index(result, "event")]! == "deferred"))
                    {
                        Assert.True(double.IsNaN(actual), $"{table}.{Twin(source, unit)}: {actual} for a null or a time");
                        continue;
                    }

                    decimal v = (long)integer;
                    double expected = unit switch
                    {
                        'P' => (double)(v * tick),
                        'H' => (double)(v * tick / 2),
                        'L' => (double)(v * lot),
                        _ => (double)(v / cashScale),
                    };
                    Assert.True(expected == actual, $"{table}.{Twin(source, unit)}: {actual}, expected {expected} from {source} = {v}");
                }

                rowsChecked++;
            }
        }

        Assert.True(rowsChecked > 1000, $"only {rowsChecked} rows");
        var counts = CatalogQuery.Run(summary.Directory, "SELECT (SELECT count(*) FROM liquidations), (SELECT count(*) FROM fund), (SELECT count(*) FROM cascades)").Rows[0];
        Assert.All(counts, n => Assert.True((long)n! > 0, "the run must liquidate, move the fund and cascade for every table to be checked"));
    }

    [Fact]
    public void The_documented_queries_run_on_a_sweep_and_a_run_directory()
    {
        using var folder = new TempFolder();
        string shipped = Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "leveraged-cascade.json");
        var sweep = SweepRunner.Run(new SweepPlan
        {
            ScenarioPath = shipped,
            Parameters = [new("agents[4].leverage.median", ["10", "40"]), new("shocks[1].quantity", ["3000", "6000"])],
            Designs = ["full-close", "insurance-fund"],
            Seeds = [1],
            Directory = folder.Sub("sweep"),
            MaxParallelism = 2,
            DurationSeconds = 15,
        });
        string small = folder.Sub("small.json");
        File.WriteAllText(small, TestScenarios.SmallJson);
        using var run = new SimulationRun(TestScenarios.Small());
        var single = RecordedSimulation.Execute(run, folder.Sub("run"), new Analysis.Recording.RecorderOptions { WritePlots = false });
        RunCatalog.WriteSimulation(single.Directory, small, run.Info.DesignName, run.Info.Seed, null);
        var queries = DocumentedQueries();

        Assert.Equal(5, queries.Count);
        foreach (var (directory, sql) in queries)
        {
            var result = CatalogQuery.Run(directory == "DIR" ? sweep.Directory : single.Directory, sql);
            Assert.NotEmpty(result.Columns);
            if (!sql.Contains("liquidation_events", StringComparison.Ordinal))
            {
                Assert.NotEmpty(result.Rows); // the worst seed of a 15 s sweep has no liquidation yet: that query may be empty
            }
        }
    }

    /// <summary>The <c>micro query DIR '…'</c> examples of docs/outputs.md ("Querying runs"), as (DIR or RUN_DIR, SQL).</summary>
    private static List<(string Directory, string Sql)> DocumentedQueries()
    {
        string? root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "docs", "outputs.md")))
        {
            root = Path.GetDirectoryName(root);
        }

        Assert.NotNull(root);
        string text = File.ReadAllText(Path.Combine(root, "docs", "outputs.md")).ReplaceLineEndings("\n");
        string section = text[text.IndexOf("### Querying runs", StringComparison.Ordinal)..];
        section = section[section.IndexOf("```bash", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n```\n", 8, StringComparison.Ordinal)];
        var queries = new List<(string, string)>();
        int at = 0;
        while ((at = section.IndexOf("micro query ", at, StringComparison.Ordinal)) >= 0)
        {
            int open = section.IndexOf('\'', at);
            int close = section.IndexOf('\'', open + 1);
            string directory = section[(at + "micro query ".Length)..open].Trim();
            queries.Add((directory, section[(open + 1)..close]));
            at = close + 1;
        }

        return queries;
    }

    private static string Twin(string source, char unit) => unit is 'L'
        ? (source.EndsWith("_lots", StringComparison.Ordinal) ? source[..^5] : source) + "_base"
        : source + "_quote";

    private static int Index(QueryResult result, string column)
    {
        int i = result.Columns.ToList().IndexOf(column);
        Assert.True(i >= 0, $"no column {column}");
        return i;
    }

    private static void Copy(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
