using System.CommandLine;

namespace Microstructure.Cli.Commands.Replay;

/// <summary>The replays' <c>--max-orders</c>: most live orders in the replayed book, a ceiling rather than a reservation.</summary>
internal static class MaxOrdersOption
{
    /// <summary>
    /// The largest value accepted: 2^28. The engine indexes up to 2^29 orders (<c>MatchingEngine.MaxOrderCapacity</c>);
    /// half of that leaves room for the orders a population replay adds (one per account, plus transients).
    /// </summary>
    public const int Limit = 1 << 28;

    /// <summary>Creates the option (default 262,144).</summary>
    public static Option<int> Create() => new("--max-orders")
    {
        Description = "Most live orders in the book, 1 to 268,435,456 (a ceiling: memory grows with the orders actually live).",
        DefaultValueFactory = _ => 1 << 18,
    };

    /// <summary>An error message naming the option when <paramref name="value"/> is out of range, else null.</summary>
    public static string? Check(int value) =>
        value is < 1 or > Limit ? $"--max-orders must be in [1, {Limit}]; got {value}" : null;
}
