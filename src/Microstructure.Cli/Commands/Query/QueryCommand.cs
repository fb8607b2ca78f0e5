using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microstructure.Analysis.Recording;
using Microstructure.Cli.Output;
using Microstructure.Runner.Catalog;
using Spectre.Console;

namespace Microstructure.Cli.Commands.Query;

/// <summary>
/// <c>micro query DIR "SQL" [--csv | --json]</c>: SQL (DuckDB, embedded) over an output directory's catalog and tapes —
/// views <c>runs</c>, <c>trades</c>, <c>liquidation_events</c>, … (docs/outputs.md, "Querying runs").
/// </summary>
internal static class QueryCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "Output directory of a sweep, compare, simulate or replay run." };
        var sql = new Argument<string>("SQL") { Description = "The query, e.g. \"SELECT design, avg(bad_debt_quote) FROM runs GROUP BY design\"." };
        var csv = new Option<bool>("--csv") { Description = "Print CSV instead of a table." };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of objects instead of a table." };
        var command = new Command("query", "Query a run, comparison or sweep directory with SQL (embedded DuckDB): views runs, trades, liquidation_events, accounts, …");
        command.Arguments.Add(directory);
        command.Arguments.Add(sql);
        command.Options.Add(csv);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var dir = parse.GetValue(directory)!;
            if (!dir.Exists)
            {
                return SimulationErrors.Report(stderr, $"{dir.FullName}: no such directory");
            }

            QueryResult result;
            try
            {
                result = CatalogQuery.Run(dir.FullName, parse.GetValue(sql)!);
            }
            catch (RunOutputException e)
            {
                return SimulationErrors.Report(stderr, e.Message);
            }

            if (parse.GetValue(json))
            {
                WriteJson(stdout, result);
            }
            else if (parse.GetValue(csv))
            {
                WriteCsv(stdout, result);
            }
            else
            {
                var table = new Table().Border(TableBorder.Rounded);
                foreach (string column in result.Columns)
                {
                    table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
                }

                foreach (var row in result.Rows)
                {
                    table.AddRow(row.Select(v => Markup.Escape(Text(v))).ToArray());
                }

                Terminal.For(stdout).Write(table);
                stdout.WriteLine($"{result.Rows.Count} row(s)");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static void WriteCsv(TextWriter output, QueryResult result)
    {
        output.WriteLine(string.Join(',', result.Columns.Select(CsvField.Quote)));
        foreach (var row in result.Rows)
        {
            output.WriteLine(string.Join(',', row.Select(v => CsvField.Quote(Text(v)))));
        }
    }


    private static void WriteJson(TextWriter output, QueryResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var row in result.Rows)
            {
                writer.WriteStartObject();
                for (int i = 0; i < row.Length; i++)
                {
                    writer.WritePropertyName(result.Columns[i]);
                    switch (row[i])
                    {
                        case null: writer.WriteNullValue(); break;
                        case bool b: writer.WriteBooleanValue(b); break;
                        case double d when double.IsFinite(d): writer.WriteNumberValue(d); break;
                        case float f when float.IsFinite(f): writer.WriteNumberValue(f); break;
                        case long or int or short or sbyte or ulong or uint or ushort or byte or decimal or System.Numerics.BigInteger:
                            writer.WriteRawValue(Text(row[i]));
                            break;
                        default: writer.WriteStringValue(Text(row[i])); break;
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
