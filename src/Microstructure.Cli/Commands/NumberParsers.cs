using System.CommandLine.Parsing;
using System.Globalization;

namespace Microstructure.Cli.Commands;

/// <summary>
/// Parsers for numeric options that name the option and the bad value ("--seed must be a whole number; got 'abc'")
/// instead of System.CommandLine's default message, which quotes a CLR type name.
/// </summary>
internal static class NumberParsers
{
    /// <summary>A whole number (64-bit).</summary>
    public static Func<ArgumentResult, long?> Long(string option) => result =>
        long.TryParse(Text(result), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) ? value : Fail<long>(result, option, "a whole number");

    /// <summary>A whole number (32-bit).</summary>
    public static Func<ArgumentResult, int?> Int(string option) => result =>
        int.TryParse(Text(result), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ? value : Fail<int>(result, option, "a whole number");

    /// <summary>A decimal number with a '.' separator, whatever the machine's culture.</summary>
    public static Func<ArgumentResult, double?> Double(string option) => result =>
        double.TryParse(Text(result), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : Fail<double>(result, option, "a number");

    /// <summary>
    /// A size in bytes: a number with an optional unit — k, M, G, T (powers of 1,000, as disks are sold; "B" may
    /// follow, as in "500MB") or Ki, Mi, Gi, Ti (powers of 1,024, "GiB").
    /// </summary>
    public static Func<ArgumentResult, double?> Bytes(string option) => result =>
        ParseBytes(Text(result)) is { } bytes ? bytes : Fail<double>(result, option, "a size such as 500MB, 20G or 1.5TiB");

    /// <summary>The bytes <paramref name="text"/> says, or null when it is not a non-negative size.</summary>
    internal static double? ParseBytes(string text)
    {
        string t = text.Trim();
        int split = t.Length;
        while (split > 0 && char.IsAsciiLetter(t[split - 1]))
        {
            split--;
        }

        double factor = t[split..].ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "K" or "KB" => 1e3,
            "M" or "MB" => 1e6,
            "G" or "GB" => 1e9,
            "T" or "TB" => 1e12,
            "KI" or "KIB" => 1024.0,
            "MI" or "MIB" => 1024.0 * 1024,
            "GI" or "GIB" => 1024.0 * 1024 * 1024,
            "TI" or "TIB" => 1024.0 * 1024 * 1024 * 1024,
            _ => double.NaN,
        };
        return !double.IsNaN(factor)
            && double.TryParse(t[..split], NumberStyles.AllowDecimalPoint | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out double number)
            && double.IsFinite(number * factor)
                ? number * factor
                : null;
    }

    private static string Text(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;

    private static T? Fail<T>(ArgumentResult result, string option, string what)
        where T : struct
    {
        result.AddError($"{option} must be {what}; got '{Text(result)}'");
        return null;
    }
}
