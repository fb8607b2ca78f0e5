using Parquet;
using Parquet.Schema;

namespace Microstructure.Prediction.Data;

/// <summary>Reads named columns of a whole Parquet table (the tapes and the dataset) into arrays.</summary>
internal sealed class ParquetColumns
{
    private readonly Dictionary<string, Array> _columns;

    private ParquetColumns(string path, int rows, Dictionary<string, Array> columns)
    {
        Path = path;
        RowCount = rows;
        _columns = columns;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>Rows in the table.</summary>
    public int RowCount { get; }

    /// <summary>Column names in file order.</summary>
    public IReadOnlyList<string> Names { get; private init; } = [];

    /// <summary>Reads <paramref name="wanted"/> (or every column when null) of the file at <paramref name="path"/>.</summary>
    /// <exception cref="PredictionInputException">The file is missing, not Parquet, or lacks a wanted column.</exception>
    public static async Task<ParquetColumns> ReadAsync(string path, IReadOnlyCollection<string>? wanted, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new PredictionInputException($"{path}: no such file");
        }

        try
        {
            await using ParquetReader reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            DataField[] fields = reader.Schema.DataFields;
            var byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            IReadOnlyCollection<string> names = wanted ?? [.. fields.Select(f => f.Name)];
            foreach (string name in names)
            {
                if (!byName.ContainsKey(name))
                {
                    throw new PredictionInputException($"{path}: no column '{name}'");
                }
            }

            long total = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                total += group.RowCount;
            }

            int rows = checked((int)total);
            var columns = names.ToDictionary(n => n, n => Allocate(path, byName[n], rows), StringComparer.Ordinal);
            int offset = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                int n = checked((int)group.RowCount);
                foreach (string name in names)
                {
                    await ReadIntoAsync(group, byName[name], columns[name], offset, n, cancellationToken).ConfigureAwait(false);
                }

                offset += n;
            }

            return new ParquetColumns(path, rows, columns) { Names = [.. names] };
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException || e.GetType().Namespace?.StartsWith("Parquet", StringComparison.Ordinal) == true)
        {
            throw new PredictionInputException($"{path}: not a readable Parquet table ({e.Message.Split('\n')[0]})");
        }
    }

    /// <summary>Columns held in memory (tests, and a live feed later): each array one column of <paramref name="rows"/> values.</summary>
    public static ParquetColumns InMemory(string name, int rows, IReadOnlyDictionary<string, Array> columns) =>
        new(name, rows, columns.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal)) { Names = [.. columns.Keys] };

    /// <summary>A non-null Int64 column.</summary>
    public long[] Int64(string name) => Get<long[]>(name);

    /// <summary>A nullable Int64 column.</summary>
    public long?[] NullableInt64(string name) => Get<long?[]>(name);

    /// <summary>A Double column.</summary>
    public double[] Double(string name) => Get<double[]>(name);

    /// <summary>A Boolean column.</summary>
    public bool[] Boolean(string name) => Get<bool[]>(name);

    /// <summary>A String column.</summary>
    public string?[] String(string name) => Get<string?[]>(name);

    private T Get<T>(string name)
        where T : class =>
        _columns.TryGetValue(name, out Array? a) && a is T typed
            ? typed
            : throw new PredictionInputException($"{Path}: column '{name}' is missing or of another type");

    private static Array Allocate(string path, DataField field, int rows) =>
        field.ClrType == typeof(long) ? (field.IsNullable ? new long?[rows] : new long[rows])
        : field.ClrType == typeof(double) ? (field.IsNullable ? new double?[rows] : new double[rows])
        : field.ClrType == typeof(bool) ? (field.IsNullable ? new bool?[rows] : new bool[rows])
        : field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>) ? new string?[rows]
        : throw new PredictionInputException($"{path}: column '{field.Name}' has an unsupported type {field.ClrType.Name}");

    private static async Task ReadIntoAsync(ParquetRowGroupReader group, DataField field, Array target, int offset, int n, CancellationToken ct)
    {
        switch (target)
        {
            case long[] v:
                await group.ReadAsync<long>(field, v.AsMemory(offset, n), null, ct).ConfigureAwait(false);
                break;
            case long?[] v:
                await group.ReadAsync<long>(field, v.AsMemory(offset, n), null, ct).ConfigureAwait(false);
                break;
            case double[] v:
                await group.ReadAsync<double>(field, v.AsMemory(offset, n), null, ct).ConfigureAwait(false);
                break;
            case double?[] v:
                await group.ReadAsync<double>(field, v.AsMemory(offset, n), null, ct).ConfigureAwait(false);
                break;
            case bool[] v:
                await group.ReadAsync<bool>(field, v.AsMemory(offset, n), null, ct).ConfigureAwait(false);
                break;
            case bool?[] v:
                await group.ReadAsync<bool>(field, v.AsMemory(offset, n), null, ct).ConfigureAwait(false);
                break;
            case string?[] v:
                await group.ReadAsync(field, v.AsMemory(offset, n), null, ct).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException("unreachable: Allocate made the array");
        }
    }
}
