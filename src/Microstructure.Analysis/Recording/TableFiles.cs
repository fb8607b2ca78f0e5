using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Recording;

/// <summary>Writes a whole in-memory table (the end-of-run analysis tables) and lists the files it made.</summary>
internal static class TableFiles
{
    /// <summary>Writes <paramref name="rows"/> to <c>folder/name.csv|parquet</c>; adds the paths to <paramref name="written"/>.</summary>
    /// <exception cref="RunOutputException">A file cannot be written.</exception>
    public static void Write<TRow, TMapper>(string folder, string name, IEnumerable<TRow> rows, RecorderOptions options, List<string> written)
        where TMapper : struct, ITableRowMapper<TRow>
    {
        RunDirectory.Guard(Path.Combine(folder, name), () =>
        {
            TableWriter<TRow, TMapper> writer = TableWriter<TRow, TMapper>
                .CreateAsync(folder, name, options.Formats, options.RowGroupSize).AsTask().GetAwaiter().GetResult();
            try
            {
                foreach (TRow row in rows)
                {
                    writer.Append(row);
                }
            }
            finally
            {
                writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            written.AddRange(writer.Paths);
        });
    }

    /// <summary>The table files of <paramref name="names"/> that exist in <paramref name="folder"/> (for the file list).</summary>
    public static IEnumerable<string> Existing(string folder, IEnumerable<string> names, TableFormats formats)
    {
        foreach (string name in names)
        {
            if (formats.HasFlag(TableFormats.Csv))
            {
                yield return Path.Combine(folder, name + ".csv");
            }

            if (formats.HasFlag(TableFormats.Parquet))
            {
                yield return Path.Combine(folder, name + ".parquet");
            }
        }
    }
}
