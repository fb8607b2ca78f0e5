namespace Microstructure.Analysis.Tables;

/// <summary>
/// Maps a typed row to table columns. Implement it on an empty struct; <see cref="TableWriter{TRow, TMapper}"/>
/// calls the static members through the type parameter, so the mapping is inlined and allocates nothing.
/// </summary>
/// <typeparam name="TRow">The row record.</typeparam>
public interface ITableRowMapper<TRow>
{
    /// <summary>The columns, in the order <see cref="Write"/> fills them.</summary>
    static abstract TableSchema Schema { get; }

    /// <summary>Writes every column of <paramref name="row"/> in schema order.</summary>
    static abstract void Write(in TRow row, ref RowWriter writer);
}
