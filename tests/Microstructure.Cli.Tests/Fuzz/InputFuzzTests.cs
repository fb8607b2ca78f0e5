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
