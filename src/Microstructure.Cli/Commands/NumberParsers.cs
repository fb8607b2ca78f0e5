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

    private static string Text(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;

    private static T? Fail<T>(ArgumentResult result, string option, string what)
        where T : struct
    {
        result.AddError($"{option} must be {what}; got '{Text(result)}'");
        return null;
    }
}
