using System.Diagnostics;
using Microstructure.Cli.Tests.TestSupport;

namespace Microstructure.Cli.Tests.Fuzz;

/// <summary>
/// A command of <c>micro</c> and the valid input files it reads (small slices of the shipped sample data), one of which
/// the fuzzer mutates. <see cref="Run"/> checks the input contract of docs/replay.md and the README on the outcome.
/// </summary>
internal sealed class FuzzTarget
{
    /// <summary>Longest a case may take before it counts as a hang (generous: Debug builds, a loaded 2-core machine).</summary>
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(60);

    /// <summary>Most a case may allocate on its thread before it counts as unbounded memory.</summary>
    private const long AllocationBound = 2L << 30;

    private readonly Dictionary<string, string> _files;
    private readonly Func<Func<string, string>, string, string[]> _arguments;

    private FuzzTarget(string name, string mutated, Dictionary<string, string> files, Func<Func<string, string>, string, string[]> arguments)
    {
        Name = name;
        Mutated = mutated;
        _files = files;
        _arguments = arguments;
    }

    /// <summary>The target's name (the test case's).</summary>
    public string Name { get; }

    /// <summary>The file (by name) that is mutated.</summary>
    public string Mutated { get; }

    public override string ToString() => Name;

    /// <summary>Every target.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } = Build();

    /// <summary>The target named <paramref name="name"/>.</summary>
    public static FuzzTarget Named(string name) => All.Single(t => t.Name == name);

    /// <summary>
    /// Runs the command on the inputs with <see cref="Mutated"/> changed by <paramref name="mutation"/> (null: as shipped)
    /// and returns what breaks the contract, or null: the exit code is 0, 1 or 2 (never 70, the code of a bug); a 2 comes
    /// with exactly one line, "error: …", naming an input file or an option, and no stack trace; the case ends within
    /// <see cref="HangBound"/> and allocates less than <see cref="AllocationBound"/>.
    /// </summary>
    public string? Run(Mutation? mutation)
    {
        using var cli = new CliRun();
        foreach (var (file, text) in _files)
        {
            File.WriteAllText(cli.Path_(file), file == Mutated && mutation is not null ? mutation.Apply(text) : text);
        }

        string[] args = _arguments(f => cli.Path_(f), cli.Path_("out"));
        long allocated = 0;
        var clock = Stopwatch.StartNew();
        var task = Task.Run(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var result = CliRun.Run(args);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            return result;
        });
        if (!task.Wait(HangBound))
        {
            return $"no end after {HangBound.TotalSeconds} s (a hang)";
        }

        var (code, _, error) = task.Result;
        string what = $"exit {code} after {clock.Elapsed.TotalSeconds:0.0} s, stderr: {error.Trim()}";
        if (allocated > AllocationBound)
        {
            return $"allocated {allocated:N0} bytes; {what}";
        }

        if (error.Contains("   at ", StringComparison.Ordinal) || error.Contains("Exception", StringComparison.Ordinal))
        {
            return $"a stack trace or exception name reached the user; {what}";
        }

        switch (code)
        {
            case 0 or 1:
                return null;
            case 2:
                string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (lines.Length != 1 || !lines[0].StartsWith("error: ", StringComparison.Ordinal))
                {
                    return $"a user error must be one line starting 'error: '; {what}";
                }

                bool namesWhere = _files.Keys.Any(f => lines[0].Contains(f, StringComparison.Ordinal)) || lines[0].Contains("--", StringComparison.Ordinal);
                return namesWhere ? null : $"a user error must name the input file (and line or field) or the option; {what}";
            default:
                return $"exit code {code} is not in the input contract (0, 1, 2); {what}";
        }
    }

    private static string Data(params string[] parts) => File.ReadAllText(Path.Combine([AppContext.BaseDirectory, "data", .. parts]));

    private static string Head(string text, int lines) => string.Join('\n', text.Split('\n').Take(lines)) + "\n";

    private static List<FuzzTarget> Build()
    {
        const string Lobster = "AAPL_2012-06-21_34200000_57600000_";
        var lobster = new Dictionary<string, string>
        {
            ["messages.csv"] = Head(Data("lobster", Lobster + "message_10.csv"), 120),
            ["book.csv"] = Head(Data("lobster", Lobster + "orderbook_10.csv"), 120),
            ["inject.csv"] = "time,kind,side,quantity,price,label\n34200.01,market,sell,300,,shock\n34200.02,limit,buy,100,585.00,bid\n",
        };
        string[] LobsterArgs(Func<string, string> f, string o) =>
            ["replay", "lobster", "--messages", f("messages.csv"), "--book", f("book.csv"), "--validate", "--out", o];

        var tardis = new Dictionary<string, string>
        {
            ["updates.csv"] = Head(Data("tardis", "BTCUSDT_incremental_book_L2.csv"), 150),
            ["snapshots.csv"] = Head(Data("tardis", "BTCUSDT_book_snapshot_25.csv"), 4),
            ["trades.csv"] = Data("tardis", "BTCUSDT_trades.csv"),
            ["liquidations.csv"] = Data("tardis", "BTCUSDT_liquidations.csv"),
            ["ticker.csv"] = Data("tardis", "BTCUSDT_derivative_ticker.csv"),
            ["population.json"] = Data("populations", "btc-mixed.json"),
        };
        string[] TardisArgs(Func<string, string> f, string o) =>
            ["replay", "tardis", "--book-updates", f("updates.csv"), "--snapshots", f("snapshots.csv"), "--trades", f("trades.csv"),
             "--liquidations", f("liquidations.csv"), "--ticker", f("ticker.csv"), "--tick-size", "0.1", "--lot-size", "0.001", "--validate", "--out", o];

        var binance = new Dictionary<string, string>
        {
            ["snapshots.jsonl"] = Data("binance", "BTCUSDT_depth_snapshots.jsonl"),
            ["updates.jsonl"] = Head(Data("binance", "BTCUSDT_depth_updates.jsonl"), 60),
        };
        string[] BinanceArgs(Func<string, string> f, string o) =>
            ["replay", "binance", "--snapshots", f("snapshots.jsonl"), "--updates", f("updates.jsonl"), "--tick-size", "0.1", "--lot-size", "0.001", "--validate", "--out", o];

        var scenario = new Dictionary<string, string> { ["scenario.json"] = CliRun.SmallScenario.Replace("\"durationSeconds\": 40", "\"durationSeconds\": 8", StringComparison.Ordinal) };

        return
        [
            new("lobster-messages", "messages.csv", lobster, LobsterArgs),
            new("lobster-book", "book.csv", lobster, LobsterArgs),
            new("lobster-inject", "inject.csv", lobster, (f, o) => [.. LobsterArgs(f, o), "--inject", f("inject.csv")]),
            new("tardis-updates", "updates.csv", tardis, TardisArgs),
            new("tardis-snapshots", "snapshots.csv", tardis, TardisArgs),
            new("tardis-trades", "trades.csv", tardis, TardisArgs),
            new("tardis-liquidations", "liquidations.csv", tardis, TardisArgs),
            new("tardis-ticker", "ticker.csv", tardis, TardisArgs),
            new("tardis-population", "population.json", tardis, (f, o) => [.. TardisArgs(f, o), "--population", f("population.json")]),
            new("binance-snapshots", "snapshots.jsonl", binance, BinanceArgs),
            new("binance-updates", "updates.jsonl", binance, BinanceArgs),
            new("scenario", "scenario.json", scenario, (f, o) => ["simulate", f("scenario.json"), "--out", o, "--json"]),
        ];
    }
}
