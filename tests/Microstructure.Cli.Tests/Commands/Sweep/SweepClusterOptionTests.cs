using System.Diagnostics;
using System.Text.Json.Nodes;
using Microstructure.Cli.Tests.TestSupport;

namespace Microstructure.Cli.Tests.Commands.Sweep;

/// <summary>Issue 14 §1: <c>--cluster</c>'s user errors, and a local sweep that needs no Orleans at all at run time.</summary>
public sealed class SweepClusterOptionTests
{
    [Theory]
    [InlineData("--cluster", "redis:/127.0.0.1", "--cluster must be localhost or redis://HOST:PORT (e.g. redis://127.0.0.1:6379); got 'redis:/127.0.0.1'")]
    [InlineData("--cluster", "redis://127.0.0.1:99999", "--cluster must be localhost or redis://HOST:PORT")]
    [InlineData("--cluster-id", "a", "--cluster-id needs --cluster")]
    [InlineData("--keep", "all", "--keep all with --cluster needs --shared-dir DIR")]
    [InlineData("--shared-dir", "/tmp", "--shared-dir needs --cluster (and --keep all)")]
    [InlineData("--shared-dir+cluster", "/tmp", "--shared-dir is used only with --keep all")]
    [InlineData("--shared-dir+cluster+all", "/nonexistent-share", "--shared-dir /nonexistent-share: no such directory")]
    public void Bad_cluster_options_are_one_line_user_errors(string option, string value, string message)
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);
        string[] cluster = option switch
        {
            "--keep" or "--shared-dir+cluster" => ["--cluster", "localhost"],
            "--shared-dir+cluster+all" => ["--cluster", "localhost", "--keep", "all"],
            _ => [],
        };
        option = option.Split('+')[0];

        var (code, _, error) = CliRun.Run(["sweep", scenario, "--seeds", "1", option, value, .. cluster, "--out", cli.Path_("sw")]);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(cli.Path_("sw")));
    }

    [Theory]
    [InlineData("--clustering", "etcd://x:1", "--clustering must be localhost or redis://HOST:PORT")]
    [InlineData("--slots", "0", "--slots must be from 1 to 1,024; got 0")]
    [InlineData("--gateway-port", "70000", "--gateway-port must be a port from 1 to 65,535; got 70000")]
    [InlineData("--cluster-id", "a b", "--cluster-id must be 1 to 64 letters, digits")]
    [InlineData("--advertise", "host", "--advertise must be an IP address; got 'host'")]
    [InlineData("--kubernetes", "", "--kubernetes needs --clustering redis://HOST:PORT")]
    [InlineData("--kubernetes", "--clustering=redis://127.0.0.1:1", "--kubernetes: ")]
    public void Bad_silo_options_are_one_line_user_errors(string option, string value, string message)
    {
        string[] args = value.Length == 0 ? [option] : [option, value];
        var (code, _, error) = CliRun.Run(["cluster", "silo", .. args]);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    /// <summary>
    /// A finished sweep run again with --cluster resumes without contacting a cluster (none runs here).
    /// </summary>
    [Fact]
    public void A_finished_sweep_resumes_with_cluster_without_contacting_a_cluster()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);
        string[] args = ["sweep", scenario, "--seeds", "2", "--duration", "5", "--out", cli.Path_("sw")];
        Assert.Equal(0, CliRun.Run(args).Code);

        var (code, output, error) = CliRun.Run([.. args, "--cluster", "redis://127.0.0.1:1"]);

        Assert.True(code == 0, error);
        Assert.Contains("resumed: 2 of 2 runs were already done", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// micro with every Orleans assembly and Microstructure.Cluster removed (from the folder and from micro.deps.json):
    /// a local sweep runs and writes its catalog; only --cluster needs them (and then fails to load them, which shows
    /// that the check can fail).
    /// </summary>
    [Fact]
    public void A_local_sweep_runs_with_no_Orleans_assembly_present()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);
        string bin = cli.Path_("bin");
        Directory.CreateDirectory(bin);
        static bool Cluster(string name) => name.StartsWith("Orleans.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
            || name.StartsWith("Microstructure.Cluster", StringComparison.Ordinal) || name.StartsWith("StackExchange.Redis", StringComparison.Ordinal);
        foreach (string entry in Directory.EnumerateFileSystemEntries(AppContext.BaseDirectory))
        {
            string name = Path.GetFileName(entry);
            if (Cluster(name) || name is "micro.deps.json" or "micro.dll")
            {
                continue;
            }

            File.CreateSymbolicLink(Path.Combine(bin, name), entry); // links: the test folder holds ~1 GB of native assets
        }

        File.Copy(Path.Combine(AppContext.BaseDirectory, "micro.dll"), Path.Combine(bin, "micro.dll")); // a copy: the host takes the app's folder from its real path
        var deps = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "micro.deps.json")))!.AsObject();
        foreach (var target in deps["targets"]!.AsObject().Select(t => t.Value!.AsObject()).Append(deps["libraries"]!.AsObject()))
        {
            foreach (string library in target.Select(l => l.Key).Where(k => Cluster(k)).ToList())
            {
                target.Remove(library);
            }
        }

        File.WriteAllText(Path.Combine(bin, "micro.deps.json"), deps.ToJsonString());

        var local = Micro(bin, "sweep", scenario, "--seeds", "2", "--duration", "5", "--out", cli.Path_("local"));
        var cluster = Micro(bin, "sweep", scenario, "--seeds", "2", "--duration", "5", "--out", cli.Path_("cluster"), "--cluster", "localhost");

        Assert.True(local.Code == 0, local.Error);
        Assert.True(File.Exists(cli.Path_("local", "runs.csv")));
        Assert.Equal(70, cluster.Code);
        Assert.Contains("Could not load file or assembly 'Microstructure.Cluster", cluster.Error, StringComparison.Ordinal);
    }

    private static (int Code, string Error) Micro(string bin, params string[] args)
    {
        var info = new ProcessStartInfo(MicroProcess.DotnetHost()) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(bin, "micro.dll"));
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("micro did not finish in 3 minutes");
        }

        return (process.ExitCode, error.Result);
    }
}
