namespace Microstructure.Cli.Tests.TestSupport;

/// <summary>Runs the command line in-process with captured output, and a temp folder with a small scenario in it.</summary>
internal sealed class CliRun : IDisposable
{
    /// <summary>About 100 agents for 40 simulated seconds with a sell shock: a second or two per run.</summary>
    public const string SmallScenario = """
        // comments are allowed
        {
          "name": "small",
          "durationSeconds": 40,
          "seed": 3,
          "seeds": [3, 4],
          "exchange": { "mark": { "method": "mid" }, "insuranceFund": 100000 },
          "liquidation": { "design": "insurance-fund" },
          "index": { "volatilityPerSqrtSecond": 0.0002, "bookWeight": 0.5 },
          "snapshot": { "intervalSeconds": 2, "depth": 5 },
          "shocks": [ { "kind": "marketOrder", "atSeconds": 20, "side": "sell", "quantity": 3000 } ],
          "agents": [
            { "kind": "noise", "count": 60, "limitRate": 1, "marketRate": 0.2, "cancelRate": 0.1 },
            { "kind": "market-maker", "count": 3 },
            { "kind": "leveraged", "count": 20, "entryEndSeconds": 10, "leverage": { "distribution": "uniform", "min": 20, "max": 60 } },
          ],
        }
        """;

    public CliRun() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ms-cli-" + Guid.NewGuid().ToString("N"));

    public string Path_(params string[] parts) => Path.Combine([Folder, .. parts]);

    public string WriteScenario(string json, string name = "small.json")
    {
        string path = Path_(name);
        File.WriteAllText(path, json);
        return path;
    }

    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
