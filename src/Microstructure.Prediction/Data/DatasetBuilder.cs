using Microstructure.Analysis.Tables;
using Microstructure.Prediction.Labels;

namespace Microstructure.Prediction.Data;

/// <summary>What a dataset is built with (docs/prediction.md, "Label").</summary>
/// <param name="HorizonNs">H: the label looks (t, t + H] ahead.</param>
/// <param name="MinNotional">X: a cascade counts with at least this liquidated notional (cash units).</param>
internal sealed record DatasetOptions(long HorizonNs, long MinNotional)
{
    /// <summary>30 s (docs/prediction.md says why).</summary>
    public const long DefaultHorizonSeconds = 30;

    /// <summary>$100,000 at the shipped scenarios' 10⁸ cash units per quote unit (docs/prediction.md says why).</summary>
    public const long DefaultMinNotional = 10_000_000_000_000;
}

/// <summary>What <see cref="DatasetBuilder.BuildAsync"/> wrote.</summary>
internal sealed record DatasetSummary(string Path, int Runs, int Rows, int Positives, int Cascades);

/// <summary>
/// Builds the dataset of <c>micro predict dataset</c>: one row per risk-monitor snapshot of every run of a sweep or
/// compare directory (runs in key order, snapshots in time order), features from <see cref="FeatureExtractor"/>,
/// labels from <see cref="CascadeLabels"/>. Samples whose horizon runs past the run's last snapshot are left out (their
/// label could not be known). Deterministic bytes: same directory and options, same file.
/// </summary>
internal static class DatasetBuilder
{
    /// <summary>The run directories of <paramref name="sweepDirectory"/> in key order (its catalog's keys), or the directory itself for a single run.</summary>
    /// <exception cref="PredictionInputException">No catalog, or a run the catalog names is not there.</exception>
    public static IReadOnlyList<(string Key, string Directory)> RunsOf(string sweepDirectory)
    {
        if (!System.IO.Directory.Exists(sweepDirectory))
        {
            throw new PredictionInputException($"{sweepDirectory}: no such directory (give a sweep or compare output directory)");
        }

        string catalog = Path.Combine(sweepDirectory, "runs.csv");
        if (!File.Exists(catalog))
        {
            throw new PredictionInputException($"{sweepDirectory}: no runs.csv — not a sweep, compare or simulate output directory");
        }

        var keys = new List<string>();
        string[] lines = File.ReadAllLines(catalog);
        if (lines.Length == 0 || !lines[0].StartsWith("key", StringComparison.Ordinal))
        {
            throw new PredictionInputException($"{catalog}:1: expected a header starting with 'key'");
        }

        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length > 0)
            {
                keys.Add(lines[i].Split(',')[0]);
            }
        }

        if (keys.Count == 0)
        {
            throw new PredictionInputException($"{catalog}: no runs");
        }

        string runs = Path.Combine(sweepDirectory, "runs");
        if (!System.IO.Directory.Exists(runs) && keys.Count == 1)
        {
            return [(keys[0], sweepDirectory)]; // a simulate directory: the run is the directory itself
        }

        var result = new List<(string, string)>();
        foreach (string key in keys.Order(StringComparer.Ordinal))
        {
            string dir = Path.Combine(runs, key);
            if (!System.IO.Directory.Exists(dir))
            {
                throw new PredictionInputException($"{dir}: missing — {catalog} names run {key}");
            }

            result.Add((key, dir));
        }

        return result;
    }

    /// <summary>Builds the dataset of every run under <paramref name="sweepDirectory"/> into <paramref name="outPath"/> (a new .parquet file).</summary>
    public static async Task<DatasetSummary> BuildAsync(string sweepDirectory, string outPath, DatasetOptions options, CancellationToken ct)
    {
        if (!outPath.EndsWith(".parquet", StringComparison.Ordinal))
        {
            throw new PredictionInputException($"--out {outPath}: the dataset is a Parquet file; name it *.parquet");
        }

        if (File.Exists(outPath) || System.IO.Directory.Exists(outPath))
        {
            throw new PredictionInputException($"--out {outPath}: exists; nothing is overwritten — choose another path or delete it");
        }

        var runs = RunsOf(sweepDirectory);
        // Every run's tapes are checked before any work, so a missing tape fails at once.
        foreach ((_, string dir) in runs)
        {
            if (RunTapes.FirstMissing(dir) is { } missing)
            {
                throw new PredictionInputException(
                    $"{dir}: {missing} is missing — the dataset needs every tape of a run: run the sweep (or compare) with --keep all");
            }
        }

        string fullOut = Path.GetFullPath(outPath);
        string directory = Path.GetDirectoryName(fullOut)!;
        string name = Path.GetFileNameWithoutExtension(fullOut);
        int rows = 0, positives = 0, cascades = 0;
        try
        {
            await using (var writer = await TableWriter<DatasetRow, DatasetRowMapper>.CreateAsync(directory, name, TableFormats.Parquet, cancellationToken: ct).ConfigureAwait(false))
            {
                foreach ((string key, string dir) in runs)
                {
                    RunTapes tapes = await RunTapes.ReadAsync(dir, ct).ConfigureAwait(false);
                    (DatasetRow[] runRows, int runCascades) = RowsOf(key, tapes, options);
                    cascades += runCascades;
                    foreach (DatasetRow row in runRows)
                    {
                        await writer.AppendAsync(row, ct).ConfigureAwait(false);
                        rows++;
                        positives += row.Label ? 1 : 0;
                    }
                }
            }
        }
        catch
        {
            // The writer commits what it holds when disposed: a failed build leaves no partial dataset behind.
            File.Delete(fullOut);
            throw;
        }

        return new DatasetSummary(fullOut, runs.Count, rows, positives, cascades);
    }

    /// <summary>The rows of one run and the number of qualifying cascades in it.</summary>
    public static (DatasetRow[] Rows, int Cascades) RowsOf(string key, RunTapes tapes, DatasetOptions options)
    {
        double[][] features = FeatureExtractor.Extract(tapes);
        long[] times = [.. tapes.Monitor.Select(m => m.TimeNs)];
        long[] starts = CascadeLabels.QualifyingStarts(tapes.Liquidations, options.MinNotional);
        long?[] next = CascadeLabels.NextStartWithin(times, starts, options.HorizonNs);
        long last = times.Length > 0 ? times[^1] : 0;
        var rows = new List<DatasetRow>(times.Length);
        for (int i = 0; i < times.Length; i++)
        {
            if (times[i] > last - options.HorizonNs)
            {
                break; // the horizon runs past the tapes: the label is unknown
            }

            rows.Add(new DatasetRow(key, times[i], next[i] is not null, next[i], features[i]));
        }

        return ([.. rows], starts.Length);
    }
}
