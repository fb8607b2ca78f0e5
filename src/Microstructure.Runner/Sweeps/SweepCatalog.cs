using Microstructure.Runner.Catalog;

namespace Microstructure.Runner.Sweeps;

/// <summary>
/// The sweep's catalog: one row per run in grid order — its key, the value of every varied field, design, seed, then
/// every number of the run's summary.json — written by the one catalog writer (<see cref="RunCatalog"/>: runs.csv,
/// runs.parquet, catalog.duckdb).
/// </summary>
internal static class SweepCatalog
{
    public static string Write(string root, SweepPlan plan, IReadOnlyList<SweepRun> runs)
    {
        RunCatalog.Write(
            root,
            [.. plan.Parameters.Select(p => p.Path)],
            [.. runs.Select(r => new CatalogEntry(r.Key, r.Point, r.Design, r.Seed, $"{SweepRunner.RunsFolder}/{r.Key}"))]);
        return Path.Combine(root, SweepRunner.CatalogFile);
    }
}
