using System.Security.Cryptography;
using Microstructure.Cli.Tests.TestSupport;

namespace Microstructure.Cli.Tests.Golden;

/// <summary>
/// Pins the outputs of the shipped scenarios (and of a LOBSTER replay with a leveraged population) byte for byte:
/// every tape and analysis table (CSV and Parquet), summary.json and report.html (deterministic: no time, no random
/// id) must hash to what <c>shipped-outputs.sha256</c>
/// holds. A refactoring must leave them untouched; a change that is meant to move a figure regenerates the file (the
/// failure message says how) and says why in its commit.
/// </summary>
public sealed class ShippedOutputsTests
{
    private const string HashFile = "Golden/shipped-outputs.sha256";

    public static TheoryData<string> Runs => ["leveraged-cascade", "calm", "lending-unwind", "design-comparison", "lobster-population"];

    [Theory]
    [MemberData(nameof(Runs))]
    public void The_run_writes_the_pinned_tapes_analysis_tables_and_summary(string run)
    {
        using var cli = new CliRun();
        string outDir = cli.Path_("out");
        var (code, _, error) = CliRun.Run(Arguments(run, outDir));
        Assert.True(code == 0, $"exit {code}: {error}");

        string recorded = run == "lobster-population" ? Path.Combine(outDir, "run") : outDir;
        var actual = HashOutputs(recorded, run);
        var expected = ReadPinned(run);

        var differing = expected.Keys.Union(actual.Keys)
            .Where(path => expected.GetValueOrDefault(path) != actual.GetValueOrDefault(path))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (differing.Count > 0)
        {
            string fresh = Path.Combine(Path.GetTempPath(), $"shipped-outputs-{run}.sha256");
            File.WriteAllLines(fresh, actual.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value}  {p.Key}"));
            Assert.Fail(
                $"{differing.Count} output(s) of '{run}' differ from {HashFile}: {string.Join(", ", differing)}. "
                + $"If the change is meant to move them, replace the '{run}/' lines of tests/Microstructure.Cli.Tests/{HashFile} "
                + $"with {fresh} and say why in the commit.");
        }
    }

    private static string[] Arguments(string run, string outDir) => run switch
    {
        "lobster-population" =>
        [
            "replay", "lobster",
            "--messages", Data("lobster/AAPL_2012-06-21_34200000_57600000_message_10.csv"),
            "--book", Data("lobster/AAPL_2012-06-21_34200000_57600000_orderbook_10.csv"),
            "--population", Data("populations/aapl-longs.json"),
            "--inject", Data("populations/aapl-shock.csv"),
            "--out", outDir,
        ],
        _ => ["simulate", Data($"scenarios/{run}.json"), "--out", outDir],
    };

    private static string Data(string relative) => Path.Combine(AppContext.BaseDirectory, "data", relative);

    private static Dictionary<string, string> HashOutputs(string directory, string run)
    {
        var files = Directory.EnumerateFiles(Path.Combine(directory, "tape"))
            .Concat(Directory.EnumerateFiles(Path.Combine(directory, "analysis")))
            .Append(Path.Combine(directory, "summary.json"))
            .Append(Path.Combine(directory, "report.html"));
        return files.ToDictionary(
            file => $"{run}/{Path.GetRelativePath(directory, file).Replace('\\', '/')}",
            file => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))),
            StringComparer.Ordinal);
    }

    private static Dictionary<string, string> ReadPinned(string run) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, HashFile))
            .Where(line => line.Length > 0)
            .Select(line => line.Split("  ", 2))
            .Where(parts => parts[1].StartsWith(run + "/", StringComparison.Ordinal))
            .ToDictionary(parts => parts[1], parts => parts[0], StringComparer.Ordinal);
}
