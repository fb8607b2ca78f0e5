using System.Globalization;
using System.Text;

namespace Microstructure.Analysis.Sweeps;

/// <summary>One run of a sweep catalog: its point (a value per parameter), design, seed and metric values (NaN = none).</summary>
/// <param name="Point">The value of each parameter, in <see cref="SweepTable.Parameters"/> order.</param>
/// <param name="Design">The design.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Values">The value of each metric, in <see cref="SweepTable.Metrics"/> order (NaN = empty or not a number).</param>
public sealed record SweepTableRow(IReadOnlyList<string> Point, string Design, long Seed, IReadOnlyList<double> Values);

/// <summary>
/// A sweep's catalog, <c>runs.csv</c>, as the statistics read it: the columns between <c>key</c> and <c>design</c> are
/// the varied parameters, <c>seed</c> follows <c>design</c>, every later column is a metric. The file is the
/// contract between the sweep and its statistics (a compare is a sweep without parameters).
/// </summary>
public sealed class SweepTable
{
    /// <summary>A table of parsed rows.</summary>
    /// <exception cref="ArgumentException">A row's point or values do not match the columns.</exception>
    public SweepTable(IReadOnlyList<string> parameters, IReadOnlyList<string> metrics, IReadOnlyList<SweepTableRow> rows)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.FirstOrDefault(r => r.Point.Count != parameters.Count || r.Values.Count != metrics.Count) is { } bad)
        {
            ThrowHelper.ThrowArgument(nameof(rows), $"Row ({bad.Design}, seed {bad.Seed}) has {bad.Point.Count} parameter values and {bad.Values.Count} metric values; the table has {parameters.Count} and {metrics.Count}.");
        }

        Parameters = parameters;
        Metrics = metrics;
        Rows = rows;
    }

    /// <summary>The varied fields (none for a compare).</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The metric columns (as <see cref="SweepMetrics.Select"/> keeps them).</summary>
    public IReadOnlyList<string> Metrics { get; }

    /// <summary>The runs, in file order.</summary>
    public IReadOnlyList<SweepTableRow> Rows { get; }

    /// <summary>Reads a catalog file.</summary>
    /// <exception cref="InvalidDataException">The file is not a sweep catalog (the file and line are named).</exception>
    public static SweepTable Read(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses a catalog's text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The text is not a sweep catalog (the source and line are named).</exception>
    public static SweepTable Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = Records(text, source);
        if (records.Count == 0)
        {
            throw new InvalidDataException($"{source}: empty; a sweep catalog starts with a header line (key, the parameters, design, seed, the metrics).");
        }

        var (_, header) = records[0];
        int design = header.IndexOf("design");
        if (header.Count < 3 || header[0] != "key" || design < 1 || design + 1 >= header.Count || header[design + 1] != "seed")
        {
            throw new InvalidDataException($"{source}:1: the header must be key, the parameters, design, seed, then the metrics.");
        }

        string[] parameters = [.. header.Skip(1).Take(design - 1)];
        string[] all = [.. header.Skip(design + 2)];
        var metrics = SweepMetrics.Select(all);
        int[] columns = [.. metrics.Select(m => design + 2 + Array.IndexOf(all, m))];
        var rows = new List<SweepTableRow>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != header.Count)
            {
                throw new InvalidDataException($"{source}:{line}: {fields.Count} fields; the header has {header.Count}.");
            }

            if (!long.TryParse(fields[design + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seed))
            {
                throw new InvalidDataException($"{source}:{line}: seed '{fields[design + 1]}' is not an integer.");
            }

            rows.Add(new SweepTableRow(
                [.. fields.Skip(1).Take(design - 1)],
                fields[design],
                seed,
                [.. columns.Select(c => double.TryParse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN)]));
        }

        return new SweepTable(parameters, metrics, rows);
    }

    /// <summary>RFC 4180 records (quoted fields may hold commas, quotes doubled, line breaks) with their first line number.</summary>
    private static List<(int Line, List<string> Fields)> Records(string text, string source)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, start = 1;
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (any || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        records.Add((start, fields));
                    }

                    fields = [];
                    field.Clear();
                    any = false;
                    line++;
                    start = line;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"{source}:{start}: a quoted field is not closed.");
        }

        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            records.Add((start, fields));
        }

        return records;
    }
}
