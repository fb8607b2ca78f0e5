using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;

namespace Microstructure.Cli.Tests.Fuzz;

/// <summary>
/// One change to a valid input file, of the kinds that real files go wrong with: a line lost, doubled or cut short,
/// a field or number replaced by something hostile, a stray byte, the file cut off. Positions are taken modulo the
/// input's size, so the same mutation applies to any file (and prints as itself when a property fails).
/// </summary>
internal sealed record Mutation(MutationKind Kind, int A, int B, string Token)
{
    /// <summary>Values that break parsers: empty, signs alone, NaN, huge and tiny numbers, separators, control bytes, JSON punctuation.</summary>
    public static readonly string[] Tokens =
    [
        "", "-", "+", ".", "NaN", "Infinity", "-Infinity", "1e30", "-1e30", "1e-30", "1e308", "-1", "0", "-0", "1.5",
        "99999999999999999999", "9223372036854775807", "-9223372036854775808", "2147483648", "0.0000000000000000000000001",
        "1234567.12345678901234567890", "9e15", "0x10", "1e", " 5", "5 ", "1,2", "abc", "unknown", "\0", "\r", "\r\n", "\n",
        "\t", "\"", "'", "[", "]", "{", "}", ",", ":", "null", "true", "[]", "{}", "\"\"", "//", "/*", "\u00FC", "\uFEFF",
        "\u00A0", "\u2212", new string('9', 400), new string('a', 5000),
    ];

    private static readonly Regex Number = new(@"-?\d+(\.\d+)?([eE][-+]?\d+)?", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>Any mutation.</summary>
    public static Gen<Mutation> Any { get; } =
        from kind in Gen.Elements(Enum.GetValues<MutationKind>())
        from a in Gen.Choose(0, 1 << 20)
        from b in Gen.Choose(0, 1 << 20)
        from token in Gen.Elements(Tokens)
        select new Mutation(kind, a, b, token);

    /// <summary>The mutated text.</summary>
    public string Apply(string text)
    {
        var lines = text.Split('\n').ToList();
        int line = A % lines.Count;
        switch (Kind)
        {
            case MutationKind.DeleteLine:
                lines.RemoveAt(line);
                break;
            case MutationKind.DuplicateLine:
                lines.Insert(line, lines[line]);
                break;
            case MutationKind.SwapLines:
                (lines[line], lines[B % lines.Count]) = (lines[B % lines.Count], lines[line]);
                break;
            case MutationKind.CutLine:
                lines[line] = lines[line][..(B % (lines[line].Length + 1))];
                break;
            case MutationKind.ReplaceField:
                string[] fields = lines[line].Split(',');
                fields[B % fields.Length] = Token;
                lines[line] = string.Join(',', fields);
                break;
            case MutationKind.InsertLine:
                lines.Insert(line, Token);
                break;
            case MutationKind.ReplaceNumber:
                var numbers = Number.Matches(text);
                if (numbers.Count == 0)
                {
                    return text + Token;
                }

                var number = numbers[B % numbers.Count];
                return string.Concat(text.AsSpan(0, number.Index), Token, text.AsSpan(number.Index + number.Length));
            case MutationKind.InsertAt:
                int at = B % (text.Length + 1);
                return string.Concat(text.AsSpan(0, at), Token, text.AsSpan(at));
            case MutationKind.DeleteChar:
                return text.Length == 0 ? text : text.Remove(B % text.Length, 1);
            case MutationKind.CutFile:
                return text[..(B % (text.Length + 1))];
            default:
                throw new InvalidOperationException(Kind.ToString());
        }

        return string.Join('\n', lines);
    }

    public override string ToString()
    {
        var visible = new StringBuilder();
        foreach (char c in Token.Length > 40 ? Token[..40] + "…" : Token)
        {
            visible.Append(char.IsControl(c) || c > '\u007e' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return $"{Kind}(A={A}, B={B}, token=\"{visible}\")";
    }
}

/// <summary>The kinds of <see cref="Mutation"/>.</summary>
internal enum MutationKind
{
    DeleteLine,
    DuplicateLine,
    SwapLines,
    CutLine,
    ReplaceField,
    InsertLine,
    ReplaceNumber,
    InsertAt,
    DeleteChar,
    CutFile,
}
