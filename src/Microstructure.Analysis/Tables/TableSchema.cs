namespace Microstructure.Analysis.Tables;

/// <summary>An ordered list of uniquely named columns.</summary>
public sealed class TableSchema
{
    private readonly TableColumn[] _columns;

    /// <summary>Creates a schema; names must be non-empty and unique (ordinal).</summary>
    /// <exception cref="ArgumentException">No columns, an empty name, or a repeated name.</exception>
    public TableSchema(params TableColumn[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            ThrowHelper.ThrowArgument(nameof(columns), "A table needs at least one column.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(columns[i].Name))
            {
                ThrowHelper.ThrowArgument(nameof(columns), $"Column {i} has no name.");
            }

            if (!names.Add(columns[i].Name))
            {
                ThrowHelper.ThrowArgument(nameof(columns), $"Column name '{columns[i].Name}' appears twice.");
            }
        }

        _columns = [.. columns];
    }

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<TableColumn> Columns => _columns;

    /// <summary>Number of columns.</summary>
    public int Count => _columns.Length;

    /// <summary>The column at <paramref name="index"/>.</summary>
    public TableColumn this[int index] => _columns[index];
}
