using System.Globalization;
using System.Text;
using System.Text.Json;
using Microstructure.Runner.Catalog;

namespace Microstructure.Runner.Sweeps;

/// <summary>
/// The sweep's catalog, <c>runs.csv</c>: one row per run in grid order — its key, the value of every varied field,
/// design, seed, then every number of the run's summary.json <c>headline</c> (and <c>cascade_dynamics</c>, prefixed
/// <c>dynamics_</c>) as summary.json writes it. Written to a temporary name and renamed, so a reader never sees half.
/// </summary>
internal static class SweepCatalog
{
    public static string Write(string root, SweepPlan plan, IReadOnlyList<SweepRun> runs)
    {
        var rows = new List<Dictionary<string, string>>(runs.Count);
        var metrics = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            var row = Metrics(Path.Combine(root, SweepRunner.RunsFolder, run.Key, "summary.json"));
            foreach (string name in row.Keys.Where(seen.Add))
            {
                metrics.Add(name);
            }

            rows.Add(row);
        }

        var csv = new StringBuilder();
        var header = new List<string> { "key" };
        header.AddRange(plan.Parameters.Select(p => p.Path));
        header.AddRange(["design", "seed"]);
        header.AddRange(metrics);
        csv.AppendJoin(',', header.Select(CsvField.Quote)).Append('\n');
        for (int i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var fields = new List<string> { run.Key };
            fields.AddRange(run.Point.Select(p => p.Value));
            fields.AddRange([run.Design, run.Seed.ToString(CultureInfo.InvariantCulture)]);
            fields.AddRange(metrics.Select(m => rows[i].GetValueOrDefault(m, string.Empty)));
            csv.AppendJoin(',', fields.Select(CsvField.Quote)).Append('\n');
        }

        string path = Path.Combine(root, SweepRunner.CatalogFile);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, csv.ToString());
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static Dictionary<string, string> Metrics(string summaryPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(summaryPath));
        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(json.RootElement, "headline", string.Empty, row);
        Flatten(json.RootElement, "cascade_dynamics", "dynamics_", row);
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

}
