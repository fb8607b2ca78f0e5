namespace Microstructure.Analysis.Tables;

/// <summary>One column of a table schema.</summary>
/// <param name="Name">Column name (snake_case by convention, unique in its table).</param>
/// <param name="Type">Value type.</param>
/// <param name="Description">What the column holds and its unit (for docs and schema dumps).</param>
public readonly record struct TableColumn(string Name, ColumnType Type, string Description);
