using System.Globalization;
using Microstructure.Analysis.Recording;
using Microstructure.Cli.Output;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Cli.Commands;

/// <summary>
/// Which failures of simulate/compare are the user's (a bad scenario file, an output directory that is not empty, an
/// argument combination that cannot work): those become one line and exit code 2. Everything else is a bug and goes
/// to the internal-error handler of <c>CliApp</c> with its stack trace.
/// </summary>
internal static class SimulationErrors
{
    /// <summary>The one-line message for a user error, or null when <paramref name="exception"/> is a fault.</summary>
    public static string? UserMessage(Exception exception)
    {
        // Parallel runs wrap their failures; one user error is enough to report (they are usually the same).
        if (exception is AggregateException aggregate && aggregate.InnerExceptions.Count > 0)
        {
            return aggregate.InnerExceptions.Select(UserMessage).FirstOrDefault(m => m is not null);
        }

        return exception switch
        {
            ScenarioException scenario => scenario.Message,
            RunOutputException output => output.Message,
            _ => null,
        };
    }

    /// <summary>"unknown liquidation design 'x'; expected one of: …" for the first name the scenario cannot resolve, or null.</summary>
    public static string? UnknownDesign(Scenario scenario, IEnumerable<string> names)
    {
        foreach (string name in names)
        {
            try
            {
                scenario.ResolveDesign(name);
            }
            catch (ScenarioException e)
            {
                return e.Problem;
            }
        }

        return null;
    }

    /// <summary>
    /// The problem with a <c>--duration</c> value, or null when it is absent or within the range a scenario's
    /// <c>durationSeconds</c> accepts (1 ms to a year).
    /// </summary>
    public static string? CheckDuration(double? seconds) =>
        seconds is { } value && !(value >= 0.001 && value <= 31_536_000)
            ? string.Create(CultureInfo.InvariantCulture, $"--duration must be between 0.001 and 31,536,000 seconds; got {value}")
            : null;

    /// <summary>
    /// The problem with the options every batch of runs shares (compare, sweep): <c>--seeds</c> and <c>--parallel</c>
    /// at least 1, <c>--duration</c> in range; null when they are fine.
    /// </summary>
    public static string? CheckBatch(int? seeds, int? parallel, double? duration) =>
        seeds is < 1 ? $"--seeds must be at least 1; got {seeds}"
        : parallel is < 1 ? $"--parallel must be at least 1; got {parallel}"
        : CheckDuration(duration);

    /// <summary>
    /// The problem with a batch's design names (one named twice, or a <c>--designs</c> typo the scenario cannot
    /// resolve), or null. <paramref name="fromOption"/>: the names came from <c>--designs</c>, not the scenario.
    /// </summary>
    public static string? CheckDesigns(IReadOnlyList<string> names, bool fromOption, Scenario scenario)
    {
        if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return $"--designs names '{twice.Key}' twice";
        }

        // A typo on the command line is the option's fault, not the scenario file's; caught before anything runs.
        return fromOption && UnknownDesign(scenario, names) is { } problem ? $"--designs: {problem}" : null;
    }

    /// <summary>Writes the user error and returns <see cref="ExitCodes.UserError"/>.</summary>
    public static int Report(TextWriter error, string message)
    {
        error.WriteLine($"error: {PrintableText.Of(message)}");
        return ExitCodes.UserError;
    }
}
