using System.CommandLine;
using Microstructure.Risk.Liquidation;

namespace Microstructure.Cli.Commands;

/// <summary>
/// Options every command words the same way: <c>--out</c> (one rule for simulate, compare, sweep and every replay,
/// said in one sentence) and the design names (from <see cref="LiquidationPolicies.DesignNames"/>, not a second list).
/// </summary>
internal static class SharedOptions
{
    /// <summary>The rule every <c>--out</c> states, word for word.</summary>
    public const string OutRule = "It must not exist or be empty (nothing is ever overwritten)";

    /// <summary>"(full-close, tiered-partial, …)": every design name, in the order of DESIGN.md §3.</summary>
    public static string DesignList => $"({string.Join(", ", LiquidationPolicies.DesignNames)})";

    /// <summary>
    /// <c>--out DIR</c> described as "Output directory for CONTENTS. RULE[; EXCEPTION]. Default: DEFAULT.".
    /// </summary>
    /// <param name="contents">What the command writes into it.</param>
    /// <param name="defaultDirectory">Where it goes without <c>--out</c> (or that nothing is written).</param>
    /// <param name="exception">An addition to the rule (a sweep's resume), or null.</param>
    public static Option<DirectoryInfo?> Out(string contents, string defaultDirectory, string? exception = null) => new("--out")
    {
        Description = $"Output directory for {contents}. {OutRule}{(exception is null ? "" : $", {exception}")}. Default: {defaultDirectory}.",
        HelpName = "DIR",
    };

    /// <summary>The default of a command that writes a directory: runs/NAME-TIMESTAMP under the current directory.</summary>
    /// <param name="name">NAME, e.g. SCENARIO-compare.</param>
    public static string DefaultUnderRuns(string name) => $"runs/{name}-TIMESTAMP under the current directory";
}
