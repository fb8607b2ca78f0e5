namespace Microstructure.Analysis.Tables;

/// <summary>The value type of a table column; each maps to one CSV text form and one Parquet physical type.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The column types are named after the Parquet/CSV types a reader of the tables sees.")]
public enum ColumnType
{
    /// <summary>64-bit integer (ticks, lots, cash units, ns). CSV: invariant digits. Parquet: INT64.</summary>
    Int64 = 0,

    /// <summary>64-bit integer or null. CSV: digits or an empty field. Parquet: optional INT64.</summary>
    NullableInt64 = 1,

    /// <summary>IEEE double (statistics). CSV: shortest round-trip invariant form, NaN, Infinity. Parquet: DOUBLE.</summary>
    Double = 2,

    /// <summary>Boolean. CSV: true/false. Parquet: BOOLEAN.</summary>
    Boolean = 3,

    /// <summary>UTF-8 text or null. CSV: RFC 4180 quoting when needed; null is an empty field, "" an empty string. Parquet: optional BYTE_ARRAY (UTF8).</summary>
    String = 4,
}
