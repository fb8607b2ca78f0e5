using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Microstructure.Cli.Tests.Fuzz;

/// <summary>
/// The fuzz tier (issue 12): every reader and the scenario loader get valid sample inputs with one random mutation each
/// (<see cref="Mutation"/>) and must keep the input contract (<see cref="FuzzTarget.Run"/>: exit 0/1/2 only, a one-line
/// error naming the file or option, no hang, bounded memory). The seed is fixed so CI is repeatable; set MS_FUZZ_SEED to
/// explore other inputs and MS_FUZZ_CASES for more cases per target (docs/fuzzing.md).
/// </summary>
public sealed class InputFuzzTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("MS_FUZZ_CASES"), CultureInfo.InvariantCulture, out int n) ? n : 25;

    private static readonly ulong Seed = ulong.TryParse(Environment.GetEnvironmentVariable("MS_FUZZ_SEED"), CultureInfo.InvariantCulture, out ulong s) ? s : 20261204;

    public static TheoryData<string> Targets() => [.. FuzzTarget.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public void The_unmutated_inputs_of_every_target_run_cleanly(string target) =>
        Assert.Null(FuzzTarget.Named(target).Run(mutation: null));

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_mutated_input_ends_in_exit_0_1_or_2_with_a_one_line_error_naming_the_file_never_a_crash_or_hang(string target)
    {
        var fuzz = FuzzTarget.Named(target);
        var property = Prop.ForAll(Mutation.Any.ToArbitrary(), mutation =>
            fuzz.Run(mutation) is not { } broken ? true.Label("ok") : false.Label($"{target} {mutation}: {broken}"));

        // Shrinking re-runs whole commands; a failure prints its mutation, which reproduces it alone.
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithReplay(Seed, 0x9E3779B97F4A7C15UL).WithEndSize(100), property);
    }
}

/// <summary>The coverage-guided fuzzer's findings (fuzz/findings/), each replayed through micro: exit 2 naming the file and line.</summary>
public sealed class FuzzFindingTests
{
    private static string Finding(string name) => Path.Combine(AppContext.BaseDirectory, "Fuzz", "Findings", name);

    [Theory]
    [InlineData("scenario-invalid-utf8-kind.json")]
    [InlineData("scenario-invalid-utf8-locator.json")]
    public void A_scenario_that_is_not_utf8_is_a_user_error_at_its_line(string finding)
    {
        var (code, _, error) = TestSupport.CliRun.Run("simulate", Finding(finding), "--out", Path.Combine(Path.GetTempPath(), "ms-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(2, code);
        Assert.Matches($@"^error: .*{System.Text.RegularExpressions.Regex.Escape(finding)}:\d+: not UTF-8 text", error.Trim());
    }

    [Theory]
    [InlineData("population-invalid-utf8.json")]
    [InlineData("population-invalid-utf8-choice.json")]
    public void A_population_that_is_not_utf8_is_a_user_error_at_its_line(string finding)
    {
        string data = Path.Combine(AppContext.BaseDirectory, "data", "lobster", "AAPL_2012-06-21_34200000_57600000_");
        var (code, _, error) = TestSupport.CliRun.Run("replay", "lobster", "--messages", data + "message_10.csv", "--book", data + "orderbook_10.csv",
            "--population", Finding(finding), "--out", Path.Combine(Path.GetTempPath(), "ms-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(2, code);
        Assert.Contains("not UTF-8 text", error, StringComparison.Ordinal);
        Assert.Contains(finding, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("binance-update-E-overflow.jsonl", "--updates")]
    [InlineData("binance-snapshot-E-overflow.jsonl", "--snapshots")]
    public void A_binance_time_past_what_nanoseconds_hold_is_a_user_error_not_a_wrapped_time(string finding, string option)
    {
        string data = Path.Combine(AppContext.BaseDirectory, "data", "binance", "BTCUSDT_depth_");
        string snapshots = option == "--snapshots" ? Finding(finding) : data + "snapshots.jsonl";
        string updates = option == "--updates" ? Finding(finding) : data + "updates.jsonl";

        var (code, _, error) = TestSupport.CliRun.Run("replay", "binance", "--snapshots", snapshots, "--updates", updates, "--tick-size", "0.1", "--lot-size", "0.001",
            "--out", Path.Combine(Path.GetTempPath(), "ms-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(2, code);
        Assert.Contains("past the latest time nanoseconds can hold", error, StringComparison.Ordinal);
    }
}

/// <summary>A refused field holding terminal escapes and a CR is quoted printable: the error stays one harmless line.</summary>
public sealed class FuzzFindingEscapeTests
{
    [Fact]
    public void Control_characters_of_a_refused_field_are_escaped_in_the_error()
    {
        string finding = Path.Combine(AppContext.BaseDirectory, "Fuzz", "Findings", "tardis-trades-control-chars.csv");
        string updates = Path.Combine(AppContext.BaseDirectory, "data", "tardis", "BTCUSDT_incremental_book_L2.csv");

        var (code, _, error) = TestSupport.CliRun.Run("replay", "tardis", "--book-updates", updates, "--trades", finding, "--tick-size", "0.1", "--lot-size", "0.001",
            "--out", Path.Combine(Path.GetTempPath(), "ms-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(2, code);
        Assert.Contains(@"'\x1B[2J\rbuy' is not buy, sell or unknown", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', error);
        Assert.DoesNotContain('\r', error);
    }
}

/// <summary>The CI tier's own finding: a LOBSTER book row with a price past the engine's range (an IndexOutOfRange, exit 70).</summary>
public sealed class FuzzFindingLobsterTests
{
    [Fact]
    public void A_lobster_book_price_past_the_replays_range_is_a_user_error_at_its_line()
    {
        var target = FuzzTarget.Named("lobster-book");

        // The mutation the tier printed when it failed (seed 20261204, 300 cases): exit 70 from the level lookup.
        string? broken = target.Run(new Mutation(MutationKind.InsertAt, 148843, 834344, "2147483648"));

        Assert.Null(broken);
    }
}
