using System.Text;
using Microstructure.Runner.Sweeps;

namespace Microstructure.Cluster.Tests;

/// <summary>Issue 14 §3: a malformed run request is refused with a clear error, and the silo keeps serving.</summary>
public sealed class RunRequestTests
{
    private static RunRequest Valid(string scenario)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(scenario);
        KeyValuePair<string, string>[] point = [new("shocks[0].quantity", "2000")];
        return new RunRequest
        {
            Key = SweepRun.KeyOf(bytes, point, "full-close", 7, 25),
            ScenarioName = "small.json",
            Scenario = bytes,
            PointPaths = ["shocks[0].quantity"],
            PointValues = ["2000"],
            Design = "full-close",
            Seed = 7,
            DurationSeconds = 25,
            Keep = "liquidations",
        };
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "not-json", "small.json" },
        { "bad-key", "key must be 16 lowercase hex digits" },
        { "other-grain", "sent to the run grain" },
        { "altered", "does not match its content" },
        { "unknown-design", "unknown liquidation design 'nope'" },
        { "bad-point", "agents[9].count" },
        { "point-arity", "one value per point path" },
        { "duration", "--duration must be between 0.001 and 31,536,000 seconds; got -1" },
        { "keep-all", "keep all needs a shared directory (--shared-dir)" },
        { "keep-other", "keep must be summary, liquidations or all; got 'tapes'" },
        { "shared-relative", "the shared directory must be an absolute path; got 'shared/runs'" },
        { "shared-missing", "does not exist on the silo" },
        { "shared-not-all", "a shared directory is used only with keep all" },
        { "null", "no request" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_request_is_refused_with_a_one_line_reason(string kind, string reason)
    {
        var valid = Valid(SweepFolder.Scenario);
        var (request, grain) = Alter(valid, kind);

        string? refused = RunWorker.Validate(request, grain, out _);

        Assert.NotNull(refused);
        Assert.Contains(reason, refused, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused);
    }

    [Fact]
    public void A_valid_request_validates()
    {
        var valid = Valid(SweepFolder.Scenario);
        Assert.Null(RunWorker.Validate(valid, valid.Key, out var job));
        Assert.Equal(SweepKeep.Liquidations, job.Keep);
        Assert.Null(job.SharedDirectory);

        Assert.Null(RunWorker.Validate(valid with { Keep = "all", SharedDirectory = Path.GetTempPath() }, valid.Key, out var all));
        Assert.Equal((SweepKeep.All, Path.GetTempPath()), (all.Keep, all.SharedDirectory));
    }

    [Fact]
    public async Task A_silo_refuses_malformed_requests_on_the_wire_and_still_runs_a_valid_one()
    {
        await using var cluster = await ThreeSiloCluster.StartAsync();
        var valid = Valid(SweepFolder.Scenario);
        foreach (string kind in new[] { "not-json", "altered", "unknown-design", "keep-all", "bad-key" })
        {
            var (request, grain) = Alter(valid, kind);
            var reply = await cluster.Cluster.Client.GetGrain<IRunGrain>(grain).Run(request!).WaitAsync(TimeSpan.FromMinutes(1));
            Assert.NotNull(reply.Error);
            Assert.Empty(reply.Files);
        }

        var ran = await cluster.Cluster.Client.GetGrain<IRunGrain>(valid.Key).Run(valid).WaitAsync(TimeSpan.FromMinutes(2));
        var again = await cluster.Cluster.Client.GetGrain<IRunGrain>(valid.Key).Run(valid).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Null(ran.Error);
        Assert.Contains(ran.Files, f => f.Path == "summary.json");
        Assert.Contains(ran.Files, f => f.Path == "tape/liquidation_events.parquet");
        Assert.Equal((ran.Silo, ran.Seconds), (again.Silo, again.Seconds)); // the kept result, not a second run
        Assert.Equal(3, cluster.Cluster.GetActiveSilos().Count()); // nothing brought a silo down
    }

    private static (RunRequest? Request, string Grain) Alter(RunRequest valid, string kind) => kind switch
    {
        "not-json" => Rekeyed(valid with { Scenario = Encoding.UTF8.GetBytes("{ \"name\": ") }),
        "bad-key" => (valid with { Key = "../../etc/passwd" }, "../../etc/passwd"),
        "other-grain" => (valid, "0123456789abcdef"),
        "altered" => (valid with { Seed = 8 }, valid.Key),
        "unknown-design" => Rekeyed(valid with { Design = "nope" }),
        "bad-point" => Rekeyed(valid with { PointPaths = ["agents[9].count"], PointValues = ["1"] }),
        "point-arity" => (valid with { PointValues = [] }, valid.Key),
        "duration" => (valid with { DurationSeconds = -1 }, valid.Key),
        "keep-all" => (valid with { Keep = "all" }, valid.Key),
        "keep-other" => (valid with { Keep = "tapes" }, valid.Key),
        "shared-relative" => (valid with { Keep = "all", SharedDirectory = "shared/runs" }, valid.Key),
        "shared-missing" => (valid with { Keep = "all", SharedDirectory = Path.Combine(Path.GetTempPath(), "ms-no-such-" + Guid.NewGuid().ToString("N")) }, valid.Key),
        "shared-not-all" => (valid with { SharedDirectory = Path.GetTempPath() }, valid.Key),
        "null" => (null, valid.Key),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The request with its honest key, so that the check under test is the one that refuses it.</summary>
    private static (RunRequest? Request, string Grain) Rekeyed(RunRequest request)
    {
        string key = SweepRun.KeyOf(request.Scenario, [.. request.PointPaths.Zip(request.PointValues, (p, v) => new KeyValuePair<string, string>(p, v))], request.Design, request.Seed, request.DurationSeconds);
        return (request with { Key = key }, key);
    }
}
