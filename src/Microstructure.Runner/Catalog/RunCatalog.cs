using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Microstructure.Analysis.Recording;

namespace Microstructure.Runner.Catalog;

/// <summary>
/// The runs catalog of an output directory — one writer for <c>simulate</c>, <c>sweep</c> and <c>replay</c>
/// (docs/outputs.md, "The runs catalog"):
/// <list type="bullet">
/// <item><c>runs.csv</c>: one row per run — its key, the value of every varied field, design, seed, then every number of
/// the run's summary.json <c>headline</c> (and <c>cascade_dynamics</c>, prefixed <c>dynamics_</c>; <c>hedge</c>, prefixed <c>hedge_</c>, when the design hedges; <c>margin_changes</c>, prefixed <c>margin_</c>, when a mitigation changes margins; <c>market_maker_hedge</c>, prefixed <c>mm_hedge_</c>, when market makers hedge) as summary.json
/// writes it;</item>
/// <item><c>runs.parquet</c>: the same columns, typed (whole numbers INT64, other numbers DOUBLE, true/false BOOLEAN,
/// the rest UTF-8; an empty field is null);</item>
/// <item><c>catalog.duckdb</c>: a DuckDB database with the table <c>runs</c> (the same rows, copied in) and one view per
/// kept tape or analysis table over every run's Parquet file, with a <c>run</c> column (the run's key). The views name
/// their files relative to the directory, so the directory can be moved or copied; a reader sets DuckDB's
/// <c>file_search_path</c> to the directory (<c>micro query</c> does).</item>
/// </list>
/// Each file is written under a temporary name and renamed, so a reader never sees half of one.
/// </summary>
public static class RunCatalog
{
    /// <summary>The catalog as CSV.</summary>
    public const string CsvFile = "runs.csv";

    /// <summary>The catalog as Parquet.</summary>
    public const string ParquetFile = "runs.parquet";

    /// <summary>The DuckDB database: the <c>runs</c> table and the tape views.</summary>
    public const string DatabaseFile = "catalog.duckdb";

    /// <summary>The copy of the scenario a run ran, in its run directory.</summary>
    public const string ScenarioFile = "scenario.json";

    /// <summary>The tables a view may be made over: the tape tables, the analysis tables and a replay's own tape.</summary>
    internal static readonly IReadOnlyList<(string Folder, string Table)> Tables =
    [
        .. CatalogQuery.TapeTables.Select(t => ("tape", t)),
        ("analysis", "liquidations"), ("analysis", "cascades"), ("analysis", "impact_orders"), ("analysis", "impact_curve"), ("analysis", "return_acf"),
    ];

    /// <summary>
    /// Completes a <c>micro simulate</c> directory: copies the scenario file it ran (<c>scenario.json</c>) and writes a
    /// catalog of one row, keyed as a sweep keys its runs (scenario bytes, design, seed, duration).
    /// </summary>
    /// <param name="directory">The run directory (its summary.json written).</param>
    /// <param name="scenarioPath">The scenario file that ran.</param>
    /// <param name="design">The design that ran.</param>
    /// <param name="seed">The seed that ran.</param>
    /// <param name="durationSeconds">The --duration given, or null for the scenario's.</param>
    /// <returns>The path of runs.parquet.</returns>
    /// <exception cref="RunOutputException">A file could not be written.</exception>
    /// <param name="modelDigest">The scenario's predictive-margin model digests (<c>Scenario.ModelDigest</c>); empty when none.</param>
    public static string WriteSimulation(string directory, string scenarioPath, string design, long seed, double? durationSeconds, string modelDigest = "")
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(scenarioPath);
        ArgumentNullException.ThrowIfNull(design);
        string root = Path.GetFullPath(directory);
        byte[] bytes = File.ReadAllBytes(scenarioPath);
        CopyScenario(scenarioPath, root);
        string key = RunKey.Of(bytes, [], design, seed, durationSeconds, modelDigest);
        return Write(root, [], [new CatalogEntry(key, [], design, seed, ".")]);
    }

    /// <summary>Copies the scenario file a run ran into its run directory as <c>scenario.json</c> (nothing when it is not a file).</summary>
    internal static void CopyScenario(string scenarioPath, string runDirectory)
    {
        if (File.Exists(scenarioPath))
        {
            byte[] bytes = File.ReadAllBytes(scenarioPath);
            Guard(Path.Combine(runDirectory, ScenarioFile), path => File.WriteAllBytes(path, bytes));
        }
    }

    /// <summary>
    /// Writes the catalog of a replay's output directory: one row for the replay, read from the recorded run's
    /// summary.json (<c>run/</c>, with a population) or the replay's own; its key hashes the format, the run's name
    /// (the replayed files), the design and the seed.
    /// </summary>
    internal static string WriteReplay(string root, string format, string name, string? recordedFolder)
    {
        string summary = Path.Combine(root, recordedFolder ?? ".", "summary.json");
        string design = string.Empty;
        long seed = 0;
        if (File.Exists(summary))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(summary));
            if (json.RootElement.TryGetProperty("run", out var run) && run.ValueKind == JsonValueKind.Object)
            {
                design = run.TryGetProperty("design", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() ?? string.Empty : string.Empty;
                seed = run.TryGetProperty("seed", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out long value) ? value : 0;
            }
        }

        string text = $"replay\nformat={format}\nname={name}\ndesign={design}\nseed={seed}\n";
        string key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        return Write(root, [], [new CatalogEntry(key, [], design, seed, recordedFolder ?? ".")]);
    }

    /// <summary>Writes runs.csv, runs.parquet and catalog.duckdb into <paramref name="root"/>.</summary>
    /// <param name="root">The output directory.</param>
    /// <param name="parameters">The varied field paths (a column each, after <c>key</c>).</param>
    /// <param name="runs">The runs in catalog order, each with its directory relative to <paramref name="root"/>.</param>
    /// <returns>The path of runs.parquet.</returns>
    internal static string Write(string root, IReadOnlyList<string> parameters, IReadOnlyList<CatalogEntry> runs)
    {
        var metricRows = new List<Dictionary<string, string>>(runs.Count);
        var metrics = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            var row = Metrics(Path.Combine(root, run.Directory, "summary.json"));
            foreach (string name in row.Keys.Where(seen.Add))
            {
                metrics.Add(name);
            }

            metricRows.Add(row);
        }

        var header = new List<string> { "key" };
        header.AddRange(parameters);
        header.AddRange(["design", "seed"]);
        header.AddRange(metrics);
        var rows = new List<string[]>(runs.Count);
        for (int i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var fields = new List<string> { run.Key };
            fields.AddRange(run.Point.Select(p => p.Value));
            fields.AddRange([run.Design, run.Seed.ToString(CultureInfo.InvariantCulture)]);
            fields.AddRange(metrics.Select(m => metricRows[i].GetValueOrDefault(m, string.Empty)));
            rows.Add([.. fields]);
        }

        var csv = new StringBuilder();
        csv.AppendJoin(',', header.Select(CsvField.Quote)).Append('\n');
        foreach (string[] fields in rows)
        {
            csv.AppendJoin(',', fields.Select(CsvField.Quote)).Append('\n');
        }

        Guard(Path.Combine(root, CsvFile), path => File.WriteAllText(path, csv.ToString()));
        string parquet = Path.Combine(root, ParquetFile);
        WriteDatabase(root, header, rows, runs);
        return parquet;
    }

    /// <summary>
    /// The column types of the catalog: a column's type is the narrowest that holds every non-empty field, except that
    /// key and design are always VARCHAR, money in quote (<c>*_quote</c>) always DOUBLE, and a metric no run has a value
    /// for (all null) DOUBLE.
    /// </summary>
    internal static string[] Types(IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        var types = new string[header.Count];
        for (int c = 0; c < header.Count; c++)
        {
            var values = rows.Select(r => r[c]).Where(v => v.Length > 0).ToList();
            bool quote = header[c].EndsWith("_quote", StringComparison.Ordinal);
            types[c] = header[c] is "key" or "design" ? "VARCHAR"
                : values.Count == 0 ? "DOUBLE"
                : quote && values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) ? "DOUBLE"
                : values.All(v => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) ? "BIGINT"
                : values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) ? "DOUBLE"
                : values.All(v => v is "true" or "false") ? "BOOLEAN"
                : "VARCHAR";
        }

        return types;
    }

    private static void WriteDatabase(string root, List<string> header, List<string[]> rows, IReadOnlyList<CatalogEntry> runs)
    {
        string database = Path.Combine(root, DatabaseFile);
        string temporary = database + ".partial";
        string parquetTemporary = Path.Combine(root, ParquetFile + ".partial");
        File.Delete(temporary);
        File.Delete(temporary + ".wal");
        try
        {
            using (var connection = new DuckDBConnection($"Data Source={temporary}"))
            {
                connection.Open();
                Execute(connection, $"SET file_search_path = {Literal(root)}");
                string[] types = Types(header, rows);
                Execute(connection, $"CREATE TABLE runs ({string.Join(", ", header.Select((h, i) => $"{Identifier(h)} {types[i]}"))})");
                using (var appender = connection.CreateAppender("runs"))
                {
                    foreach (string[] fields in rows)
                    {
                        var row = appender.CreateRow();
                        for (int c = 0; c < fields.Length; c++)
                        {
                            string v = fields[c];
                            if (v.Length == 0 && types[c] != "VARCHAR")
                            {
                                row.AppendNullValue();
                                continue;
                            }

                            switch (types[c])
                            {
                                case "BIGINT": row.AppendValue(long.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)); break;
                                case "DOUBLE": row.AppendValue(double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)); break;
                                case "BOOLEAN": row.AppendValue(v == "true"); break;
                                default:
                                    if (v.Length == 0 && header[c] is not ("key" or "design"))
                                    {
                                        row.AppendNullValue();
                                    }
                                    else
                                    {
                                        row.AppendValue(v);
                                    }

                                    break;
                            }
                        }

                        row.EndRow();
                    }
                }

                Execute(connection, $"COPY runs TO {Literal(parquetTemporary)} (FORMAT parquet, COMPRESSION snappy)");
                foreach (string view in Views(root, runs))
                {
                    Execute(connection, view);
                }

                Execute(connection, "CHECKPOINT");
            }

            Rename(parquetTemporary, Path.Combine(root, ParquetFile));
            Rename(temporary, database);
        }
        catch (System.Data.Common.DbException e)
        {
            throw new RunOutputException(database, $"Cannot write the catalog '{database}': {e.Message.Split('\n')[0]}", e);
        }
    }

    /// <summary>
    /// The CREATE VIEW statements for the tables the runs kept: one run's files as they are (its key as <c>run</c>),
    /// several runs' (a sweep's <c>runs/KEY/</c>) through one glob with the key read from the path. Paths are relative
    /// to <paramref name="root"/>.
    /// </summary>
    internal static List<string> Views(string root, IReadOnlyList<CatalogEntry> runs)
    {
        var views = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal) { "runs" };
        if (runs.Count == 1)
        {
            var run = runs[0];
            foreach (var (folder, table) in Tables)
            {
                string relative = Relative(run.Directory, folder, table + ".parquet");
                if (File.Exists(Path.Combine(root, relative)) && names.Add(table))
                {
                    views.Add($"CREATE VIEW {table} AS SELECT {Literal(run.Key)} AS run, * FROM read_parquet({Literal(relative)})");
                }
            }

            // A replay's own tape (tape/replay.parquet beside run/).
            foreach (string file in Directory.Exists(Path.Combine(root, "tape")) ? Directory.EnumerateFiles(Path.Combine(root, "tape"), "*.parquet").Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                string table = Path.GetFileNameWithoutExtension(file);
                if (names.Add(table))
                {
                    views.Add($"CREATE VIEW {table} AS SELECT {Literal(run.Key)} AS run, * FROM read_parquet({Literal("tape/" + Path.GetFileName(file))})");
                }
            }

            return views;
        }

        var folders = runs.Select(r => Path.GetDirectoryName(r.Directory.Replace('\\', '/'))?.Replace('\\', '/') ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
        if (folders.Count != 1 || folders[0].Length == 0)
        {
            return views; // only the layout of a sweep (FOLDER/KEY/) gets tape views
        }

        foreach (var (folder, table) in Tables)
        {
            if (runs.Any(r => File.Exists(Path.Combine(root, r.Directory, folder, table + ".parquet"))) && names.Add(table))
            {
                string pattern = Literal($"{folders[0]}/*/{folder}/{table}.parquet");
                views.Add($"CREATE VIEW {table} AS SELECT regexp_extract(filename, '(?:^|/){folders[0]}/([^/]+)/{folder}/[^/]+$', 1) AS run, * EXCLUDE (filename) FROM read_parquet({pattern}, filename = true, union_by_name = true)");
            }
        }

        return views;
    }

    private static string Relative(string directory, string folder, string file) =>
        directory is "." or "" ? $"{folder}/{file}" : $"{directory.Replace('\\', '/')}/{folder}/{file}";

    private static Dictionary<string, string> Metrics(string summaryPath)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(summaryPath))
        {
            return row;
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(summaryPath));
        Flatten(json.RootElement, "headline", string.Empty, row);
        Flatten(json.RootElement, "cascade_dynamics", "dynamics_", row);
        Flatten(json.RootElement, "hedge", "hedge_", row);
        Flatten(json.RootElement, "margin_changes", "margin_", row);
        Flatten(json.RootElement, "market_maker_hedge", "mm_hedge_", row);
        return row;
    }

    private static void Flatten(JsonElement root, string section, string prefix, Dictionary<string, string> row)
    {
        if (!root.TryGetProperty(section, out var block) || block.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in block.EnumerateObject())
        {
            row[prefix + property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                JsonValueKind.String => property.Value.GetString() ?? string.Empty,
                _ => string.Empty,
            };
        }
    }

    /// <summary>Writes <paramref name="path"/> through a temporary name (<c>.partial</c>), naming the path on failure.</summary>
    private static void Guard(string path, Action<string> write)
    {
        try
        {
            string temporary = path + ".partial";
            write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunOutputException(path, $"Cannot write '{path}': {e.Message}", e);
        }
    }

    private static void Rename(string temporary, string path)
    {
        try
        {
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunOutputException(path, $"Cannot write '{path}': {e.Message}", e);
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>One run of a catalog: its key, the point's field values, design, seed and directory relative to the output directory.</summary>
internal sealed record CatalogEntry(string Key, IReadOnlyList<KeyValuePair<string, string>> Point, string Design, long Seed, string Directory);
