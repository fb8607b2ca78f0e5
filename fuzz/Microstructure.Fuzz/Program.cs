using System.Diagnostics;
using System.Globalization;
using System.Text;
using SharpFuzz;

namespace Microstructure.Fuzz;

/// <summary>
/// Coverage-guided fuzzing of the input readers with SharpFuzz and AFL (docs/fuzzing.md). <c>fuzz/run.sh</c> builds,
/// instruments and runs this under afl-fuzz; run by hand it lists the targets, replays a crash file without AFL, or
/// writes a target's seeds and dictionary.
/// </summary>
internal static class Program
{
    /// <summary>The name an in-memory input has in the readers' messages.</summary>
    public const string Source = "input";

    /// <summary>Every target, in the order docs/fuzzing.md lists them.</summary>
    public static readonly FuzzTarget[] Targets =
    [
        new LobsterMessageTarget(),
        new LobsterBookTarget(),
        new TardisIncrementalTarget(),
        new TardisSnapshotTarget(),
        new TardisTradesTarget(),
        new TardisTickerTarget(),
        new BinanceSnapshotTarget(),
        new BinanceUpdateTarget(),
        new PopulationTarget(),
        new InjectionTarget(),
        new ScenarioTarget(),
    ];

    private const int Usage = 64;

    /// <summary>When set to 1, a user error's message must also be one line of printable text (issue 12 §8).</summary>
    private static readonly bool Strict = Environment.GetEnvironmentVariable("MICROSTRUCTURE_FUZZ_STRICT") == "1";

    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            PrintUsage(args.Length == 0 ? Console.Error : Console.Out);
            return args.Length == 0 ? Usage : 0;
        }

        if (args[0] == "--list")
        {
            foreach (var t in Targets)
            {
                Console.WriteLine($"{t.Name,-20} {t.Covers}");
            }

            return 0;
        }

        var target = Targets.FirstOrDefault(t => t.Name == args[0]);
        if (target is null)
        {
            Console.Error.WriteLine($"error: unknown target '{args[0]}'; --list shows the targets");
            return Usage;
        }

        switch (args.Length > 1 ? args[1] : null)
        {
            case null:
                Fuzz(target);
                return 0;
            case "--replay" when args.Length > 2:
                return Replay(target, args[2..]);
            case "--seeds" when args.Length == 4:
                Console.WriteLine($"{Corpus.WriteSeeds(target, args[2], args[3])} seeds");
                return 0;
            case "--dict" when args.Length == 4:
                Console.WriteLine($"{Corpus.WriteDictionary(target, args[2], args[3])} tokens");
                return 0;
            default:
                PrintUsage(Console.Error);
                return Usage;
        }
    }

    /// <summary>
    /// Runs one input through <paramref name="target"/> and checks the contract: only the reader's user error may escape
    /// it, and each such error names the input and its line or field. Anything else throws, which AFL records as a crash.
    /// </summary>
    public static RunResult Execute(FuzzTarget target, byte[] input, Scratch scratch)
    {
        RunResult result;
        try
        {
            result = target.Run(input, scratch);
        }
        catch (Exception e) when (target.IsUserError(e))
        {
            result = new RunResult();
            result.Refuse(e);
        }

        foreach (var e in result.Errors)
        {
            target.CheckMessage(e, Source, input);
            if (Strict)
            {
                Contract.That(!e.Message.Any(char.IsControl), $"the message is not one line of printable text: {Printable(e.Message)}");
            }
        }

        return result;
    }

    /// <summary>Under afl-fuzz: SharpFuzz's out-of-process fork server (it survives a timeout); without it: stdin once.</summary>
    private static void Fuzz(FuzzTarget target)
    {
        using var scratch = Scratch.Create();
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            Execute(target, memory.ToArray(), scratch);
        });
    }

    /// <summary>Runs each file through the target without AFL and says what happened; exit 1 when one crashed.</summary>
    private static int Replay(FuzzTarget target, string[] files)
    {
        using var scratch = Scratch.Create();
        var crashes = 0;
        foreach (var file in files)
        {
            var input = File.ReadAllBytes(file);
            var clock = Stopwatch.StartNew();
            try
            {
                var r = Execute(target, input, scratch);
                var ms = clock.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
                Console.WriteLine($"{file}: ok in {ms} ms: {r.Accepted} accepted, {r.Refused} refused{(r.Truncated ? $" (stopped at {FuzzTarget.MaxRecords})" : string.Empty)}");
                if (r.FirstError is { } error)
                {
                    Console.WriteLine($"  first user error (exit 2 in the CLI): {Printable(error.Message)}");
                }
            }
            catch (Exception e)
            {
                crashes++;
                Console.WriteLine($"{file}: CRASH ({(e is ContractViolationException ? "contract violated" : $"not a {target.UserErrorName}")}):");
                Console.WriteLine(Printable(e.ToString()).Replace("\\n", "\n", StringComparison.Ordinal));
            }
        }

        return crashes > 0 ? 1 : 0;
    }

    /// <summary>The text with control characters escaped, so a binary input does not reach the terminal raw.</summary>
    private static string Printable(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                _ when char.IsControl(c) => sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    private static void PrintUsage(TextWriter w)
    {
        w.WriteLine("usage: Microstructure.Fuzz --list");
        w.WriteLine("       Microstructure.Fuzz TARGET                       (under afl-fuzz, via fuzz/run.sh; else runs stdin once)");
        w.WriteLine("       Microstructure.Fuzz TARGET --replay FILE...      (run inputs without AFL; exit 1 on a crash)");
        w.WriteLine("       Microstructure.Fuzz TARGET --seeds DATA_DIR OUT_DIR");
        w.WriteLine("       Microstructure.Fuzz TARGET --dict DATA_DIR FILE");
    }
}
