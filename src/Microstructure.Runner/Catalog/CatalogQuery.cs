using System.Data.Common;
using DuckDB.NET.Data;
using Microstructure.Analysis.Recording;
using Microstructure.Runner.Sweeps;

namespace Microstructure.Runner.Catalog;

/// <summary>
/// SQL over an output directory with embedded DuckDB (no server). When the directory holds the catalog database
/// (<see cref="RunCatalog.DatabaseFile"/>) the query runs on it, read-only, with its files resolved relative to the
/// directory. Otherwise (a comparison, or a directory written before the database existed): a view <c>runs</c> over
/// runs.csv or comparison/runs.csv and one view per tape table over every kept tape — a sweep's or comparison's runs
/// (a <c>run</c> column from the path), or a single run directory's own tapes. The views read the files where they
/// are; nothing is copied.
/// </summary>
public static class CatalogQuery
{
    /// <summary>The tape tables a view may be made over (docs/outputs.md §3).</summary>
    public static readonly IReadOnlyList<string> TapeTables = ["trades", "l1", "depth", "liquidation_events", "adl", "fund", "accounts", "risk_monitor", "liquidation_map"];

    /// <summary>Runs <paramref name="sql"/> over the views of <paramref name="directory"/>.</summary>
    /// <returns>Column names and rows (values as DuckDB returns them; null for SQL NULL).</returns>
    /// <exception cref="RunOutputException">The directory holds no catalog or run, or the query fails (the message is DuckDB's).</exception>
    public static QueryResult Run(string directory, string sql)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(sql);
        string root = Path.GetFullPath(directory);
        string database = Path.Combine(root, RunCatalog.DatabaseFile);
        bool hasDatabase = File.Exists(database);
        var views = hasDatabase ? [] : Views(root);
        if (!hasDatabase && views.Count == 0)
        {
            throw new RunOutputException(root, $"{root}: no catalog (runs.csv) or tapes to query; name the --out directory of a sweep, compare, simulate or replay run");
        }

        // The catalog's views name their files relative to the directory: DuckDB resolves them through file_search_path.
        using var connection = new DuckDBConnection(hasDatabase ? $"Data Source={database};ACCESS_MODE=READ_ONLY" : "Data Source=:memory:");
        try
        {
            connection.Open();
            Execute(connection, $"SET file_search_path = {RunCatalog.Literal(root)}");
            foreach (string view in views)
            {
                Execute(connection, view);
            }

            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return new QueryResult(columns, rows);
        }
        catch (DbException e)
        {
            throw new RunOutputException(root, $"query: {e.Message.Split('\n')[0]}", e);
        }
    }

    /// <summary>The CREATE VIEW statements for what <paramref name="root"/> holds.</summary>
    internal static List<string> Views(string root)
    {
        var views = new List<string>();
        string sweepCatalog = Path.Combine(root, SweepRunner.CatalogFile);
        string comparisonCatalog = Path.Combine(root, "comparison", "runs.csv");
        if (File.Exists(sweepCatalog))
        {
            views.Add($"CREATE VIEW runs AS SELECT * FROM read_csv({Literal(sweepCatalog)}, header = true, auto_detect = true)");
        }
        else if (File.Exists(comparisonCatalog))
        {
            views.Add($"CREATE VIEW runs AS SELECT * FROM read_csv({Literal(comparisonCatalog)}, header = true, auto_detect = true)");
        }

        foreach (string table in TapeTables)
        {
            string file = table + ".parquet";
            if (File.Exists(Path.Combine(root, "tape", file)))
            {
                views.Add($"CREATE VIEW {table} AS SELECT * FROM read_parquet({Literal(Path.Combine(root, "tape", file))})");
            }
            else if (Directory.Exists(Path.Combine(root, SweepRunner.RunsFolder))
                && Directory.EnumerateFiles(Path.Combine(root, SweepRunner.RunsFolder), file, SearchOption.AllDirectories).Any())
            {
                // A sweep's runs/KEY/tape/T.parquet or a comparison's runs/DESIGN/seed-N/tape/T.parquet: the path names the run.
                string pattern = Literal(Path.Combine(root, SweepRunner.RunsFolder, "**", "tape", file));
                views.Add($"CREATE VIEW {table} AS SELECT regexp_extract(filename, '/runs/(.+)/tape/', 1) AS run, * EXCLUDE (filename) FROM read_parquet({pattern}, filename = true, union_by_name = true)");
            }
        }

        return views;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// <summary>A query's columns and rows.</summary>
/// <param name="Columns">Column names.</param>
/// <param name="Rows">Rows, values as DuckDB returns them (null for NULL).</param>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);
