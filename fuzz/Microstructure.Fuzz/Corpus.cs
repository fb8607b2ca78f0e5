using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Microstructure.Fuzz;

/// <summary>Writes a target's seed corpus (small slices of data/ plus hand-written cases) and its AFL dictionary.</summary>
internal static class Corpus
{
    private static readonly string[] CsvTokens = [",", "\r\n", "\n", "-", "+", ".", "e-", "E+", "-1", "0", "true", "false"];

    private static readonly string[] JsonTokens =
        ["{", "}", "[", "]", ":", ",", "\"", "null", "true", "false", "-", "e-", "1e999", "0.0", "//", "/*", "*/", "\\u0000", "\uFEFF"];

    /// <summary>Writes the seeds into <paramref name="outDirectory"/>; returns how many.</summary>
    /// <param name="target">The target.</param>
    /// <param name="dataDirectory">The repository's data/ directory.</param>
    /// <param name="outDirectory">AFL's input directory.</param>
    public static int WriteSeeds(FuzzTarget target, string dataDirectory, string outDirectory)
    {
        Directory.CreateDirectory(outDirectory);
        var seeds = Seeds(target, dataDirectory).ToList();
        for (var i = 0; i < seeds.Count; i++)
        {
            File.WriteAllText(Path.Combine(outDirectory, $"seed-{i:D2}"), seeds[i]);
        }

        return seeds.Count;
    }

    /// <summary>Writes the AFL dictionary (tokens from the seeds and the target) to <paramref name="path"/>; returns how many tokens.</summary>
    /// <param name="target">The target.</param>
    /// <param name="dataDirectory">The repository's data/ directory.</param>
    /// <param name="path">The dictionary file.</param>
    public static int WriteDictionary(FuzzTarget target, string dataDirectory, string path)
    {
        var tokens = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var seed in Seeds(target, dataDirectory))
        {
            if (target.IsJson)
            {
                JsonTokensOf(seed, tokens);
            }
            else
            {
                CsvTokensOf(seed, tokens);
            }
        }

        foreach (var token in target.IsJson ? JsonTokens : CsvTokens)
        {
            tokens.Add(token);
        }

        foreach (var token in target.ExtraTokens)
        {
            tokens.Add(target.IsJson ? $"\"{token}\"" : token);
        }

        var lines = tokens.Select(Escape).Where(t => t.Length <= 128).Select((t, i) => $"t{i}=\"{t}\"").ToList();
        File.WriteAllLines(path, lines);
        return lines.Count;
    }

    private static IEnumerable<string> Seeds(FuzzTarget target, string dataDirectory)
    {
        foreach (var slice in target.Seeds)
        {
            yield return Slice(slice, File.ReadAllText(Path.Combine(dataDirectory, slice.Path)));
        }

        foreach (var extra in target.ExtraSeeds)
        {
            yield return extra;
        }
    }

    private static string Slice(SeedSlice slice, string text)
    {
        var lines = text.Split('\n');
        var header = lines.Take(slice.HeaderLines);
        var data = lines.Skip(slice.HeaderLines).Where(l => l.Length > 0);
        if (slice.DistinctColumn is { } column)
        {
            data = data.DistinctBy(l => l.Split(',').ElementAtOrDefault(column));
        }
        else if (slice.Take > 0)
        {
            data = data.Take(slice.Take);
        }

        return slice.HeaderLines == 0 && slice.Take == 0 && slice.DistinctColumn is null ? text : string.Join('\n', header.Concat(data)) + "\n";
    }

    private static void CsvTokensOf(string seed, SortedSet<string> tokens)
    {
        foreach (var field in seed.Split('\n').SelectMany(l => l.Split(',')).Select(f => f.TrimEnd('\r')))
        {
            // Column names and words (exchange, side, is_snapshot values); the numbers AFL mutates well by itself.
            if (field.Any(char.IsLetter) && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                tokens.Add(field);
            }
        }
    }

    private static void JsonTokensOf(string seed, SortedSet<string> tokens)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(seed), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowMultipleValues = true });
        try
        {
            while (reader.Read())
            {
                // Names and words; numbers written as strings ("42599.9") AFL mutates well by itself.
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String
                    && reader.GetString() is { Length: <= 40 } text && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    tokens.Add($"\"{text}\"");
                }
            }
        }
        catch (JsonException)
        {
            // A hand-written seed may be deliberately odd: the tokens before the odd part are enough.
        }
    }

    private static string Escape(string token)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(token))
        {
            _ = b switch
            {
                (byte)'"' or (byte)'\\' => sb.Append('\\').Append((char)b),
                < 0x20 or >= 0x7F => sb.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}"),
                _ => sb.Append((char)b),
            };
        }

        return sb.ToString();
    }
}
