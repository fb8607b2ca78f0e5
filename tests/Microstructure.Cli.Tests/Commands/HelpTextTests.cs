using Microstructure.Cli.Tests.TestSupport;
using Microstructure.Risk.Liquidation;

namespace Microstructure.Cli.Tests.Commands;

/// <summary>The help texts say the shared things the same way: every design name, and one rule for --out.</summary>
public sealed class HelpTextTests
{
    public static TheoryData<string[]> CommandsWithOut => new()
    {
        new[] { "simulate" },
        new[] { "compare" },
        new[] { "sweep" },
        new[] { "replay", "lobster" },
        new[] { "replay", "tardis" },
        new[] { "replay", "binance" },
    };

    public static TheoryData<string[]> CommandsWithDesigns => new()
    {
        new[] { "simulate" },
        new[] { "compare" },
        new[] { "sweep" },
        new[] { "replay", "lobster" },
        new[] { "replay", "tardis" },
        new[] { "replay", "binance" },
    };

    [Theory]
    [MemberData(nameof(CommandsWithDesigns))]
    public void Help_lists_every_design_name(string[] command)
    {
        string help = Help(command);

        Assert.All(LiquidationPolicies.DesignNames, name => Assert.Contains(name, help, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CommandsWithOut))]
    public void Help_states_the_one_out_rule_in_the_same_words(string[] command)
    {
        string help = Flatten(Help(command));

        Assert.Contains("--out <DIR> Output directory for ", help, StringComparison.Ordinal);
        Assert.Contains("It must not exist or be empty (nothing is ever overwritten)", help, StringComparison.Ordinal);
        Assert.Contains("Default: ", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_compare_and_sweep_default_to_a_fresh_directory_under_runs()
    {
        Assert.Contains("Default: runs/SCENARIO-TIMESTAMP under the current directory.", Flatten(Help(["simulate"])), StringComparison.Ordinal);
        Assert.Contains("Default: runs/SCENARIO-compare-TIMESTAMP under the current directory.", Flatten(Help(["compare"])), StringComparison.Ordinal);
        Assert.Contains("Default: runs/SCENARIO-sweep-TIMESTAMP under the current directory.", Flatten(Help(["sweep"])), StringComparison.Ordinal);
    }

    private static string Help(string[] command)
    {
        var (code, output, error) = CliRun.Run([.. command, "--help"]);
        Assert.Equal((0, string.Empty), (code, error));
        return output;
    }

    /// <summary>The help text with its column wrapping undone (words joined by single spaces).</summary>
    private static string Flatten(string help) => string.Join(' ', help.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
