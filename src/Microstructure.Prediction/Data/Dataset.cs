using Microstructure.Risk.Warning;

namespace Microstructure.Prediction.Data;

/// <summary>A dataset read back for training or evaluation.</summary>
internal sealed class Dataset
{
    public required string Path { get; init; }

    public required IReadOnlyList<DatasetRow> Rows { get; init; }

    /// <summary>Reads a dataset written by <see cref="DatasetBuilder"/>.</summary>
    /// <exception cref="PredictionInputException">Missing, unreadable, or its feature columns are not this version's.</exception>
    public static async Task<Dataset> ReadAsync(string path, CancellationToken ct)
    {
        ParquetColumns c = await ParquetColumns.ReadAsync(path, null, ct).ConfigureAwait(false);
        string[] expected = [.. DatasetRowMapper.Schema.Columns.Select(col => col.Name)];
        if (!c.Names.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new PredictionInputException($"{path}: not a dataset of this version of micro predict (its columns differ from run, t_ns, label, cascade_start_ns and the {CascadeFeatures.Count} features)");
        }

        string?[] run = c.String("run");
        long[] t = c.Int64("t_ns");
        bool[] label = c.Boolean("label");
        long?[] start = c.NullableInt64("cascade_start_ns");
        double[][] features = [.. CascadeFeatures.Names.Select(c.Double)];
        var rows = new DatasetRow[c.RowCount];
        for (int i = 0; i < rows.Length; i++)
        {
            var f = new double[CascadeFeatures.Count];
            for (int k = 0; k < f.Length; k++)
            {
                f[k] = features[k][i];
            }

            rows[i] = new DatasetRow(run[i] ?? string.Empty, t[i], label[i], start[i], f);
        }

        if (rows.Length == 0)
        {
            throw new PredictionInputException($"{path}: no rows");
        }

        return new Dataset { Path = path, Rows = rows };
    }
}
