namespace Microstructure.Analysis.Tables;

/// <summary>Which files a table writer produces.</summary>
[Flags]
public enum TableFormats
{
    /// <summary>Nothing (useful to switch a table off).</summary>
    None = 0,

    /// <summary><c>name.csv</c>: RFC 4180, invariant culture, header row, CRLF line ends.</summary>
    Csv = 1,

    /// <summary><c>name.parquet</c>: one row group per batch, Snappy compression.</summary>
    Parquet = 2,

    /// <summary>Both files.</summary>
    CsvAndParquet = Csv | Parquet,
}
