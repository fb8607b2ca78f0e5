using System.Text;
using System.Text.Json;

namespace Microstructure.Simulation.Scenarios;

/// <summary>Finds the line of a field path (e.g. <c>agents[2].leverage.max</c>) in a JSON text, for error messages.</summary>
internal static class JsonPathLocator
{
    /// <summary>
    /// The 1-based line of <paramref name="path"/>, or of its nearest enclosing field that exists; null when the text
    /// cannot be read or nothing matches.
    /// </summary>
    public static long? FindLine(ReadOnlySpan<byte> utf8, string path)
    {
        string target = path;
        while (!string.IsNullOrEmpty(target))
        {
            long? offset = Find(utf8, target);
            if (offset is { } at)
            {
                return LineOf(utf8, at);
            }

            target = Parent(target);
        }

        return null;
    }

    private static long? Find(ReadOnlySpan<byte> utf8, string target)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        stack[^1] = stack[^1] with { Name = reader.GetString() };
                        if (PathOf(stack) == target)
                        {
                            return reader.TokenStartIndex;
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (IsElement(stack, reader.TokenStartIndex, target) is { } found)
                        {
                            return found;
                        }

                        stack.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, -1, null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                    default:
                        if (IsElement(stack, reader.TokenStartIndex, target) is { } value)
                        {
                            return value;
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    /// <summary>Counts an array element and says whether it is the target.</summary>
    private static long? IsElement(List<Frame> stack, long offset, string target)
    {
        if (stack.Count == 0 || !stack[^1].IsArray)
        {
            return null;
        }

        stack[^1] = stack[^1] with { Index = stack[^1].Index + 1 };
        return PathOf(stack) == target ? offset : null;
    }

    private static string PathOf(List<Frame> stack)
    {
        var sb = new StringBuilder();
        foreach (var frame in stack)
        {
            if (frame.IsArray)
            {
                if (frame.Index >= 0)
                {
                    sb.Append('[').Append(frame.Index).Append(']');
                }
            }
            else if (frame.Name is not null)
            {
                if (sb.Length > 0)
                {
                    sb.Append('.');
                }

                sb.Append(frame.Name);
            }
        }

        return sb.ToString();
    }

    private static string Parent(string path)
    {
        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }

    private static long LineOf(ReadOnlySpan<byte> utf8, long offset)
    {
        long line = 1;
        int end = (int)Math.Min(offset, utf8.Length);
        for (int i = 0; i < end; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }

    private readonly record struct Frame(bool IsArray, int Index, string? Name);
}
