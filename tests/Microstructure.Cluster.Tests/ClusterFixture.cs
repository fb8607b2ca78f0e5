using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microstructure.Runner.Sweeps;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Microstructure.Cluster.Tests;

/// <summary>
/// An in-process Orleans cluster of three silos (Microsoft.Orleans.TestingHost, loopback only) configured as
/// <c>micro cluster silo</c> configures its silos, with membership probes fast enough that a killed silo is declared
/// dead in seconds. One cluster per test: a test that kills a silo must not leave the next one with two.
/// </summary>
internal sealed class ThreeSiloCluster : IAsyncDisposable
{
    private ThreeSiloCluster(TestCluster cluster) => Cluster = cluster;

    public TestCluster Cluster { get; }

    public static async Task<ThreeSiloCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new ThreeSiloCluster(cluster);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            ClusterHosting.ConfigureSilo(siloBuilder, slots: 2);
            siloBuilder.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            });
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));
    }
}

/// <summary>A small scenario (a sell shock at 20 s liquidates part of 20 leveraged traders) and sweep plans over it.</summary>
internal sealed class SweepFolder : IDisposable
{
    public const string Scenario = """
        {
          "name": "small",
          "durationSeconds": 40,
          "seed": 3,
          "exchange": { "mark": { "method": "mid" }, "insuranceFund": 100000 },
          "liquidation": { "design": "insurance-fund" },
          "index": { "volatilityPerSqrtSecond": 0.0002, "bookWeight": 0.5 },
          "snapshot": { "intervalSeconds": 2, "depth": 5 },
          "shocks": [ { "kind": "marketOrder", "atSeconds": 20, "side": "sell", "quantity": 3000 } ],
          "agents": [
            { "kind": "noise", "count": 60, "limitRate": 1, "marketRate": 0.2, "cancelRate": 0.1 },
            { "kind": "market-maker", "count": 3 },
            { "kind": "leveraged", "count": 20, "entryEndSeconds": 10, "leverage": { "distribution": "uniform", "min": 20, "max": 60 } }
          ]
        }
        """;

    public SweepFolder()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(ScenarioPath, Scenario);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ms-cluster-" + Guid.NewGuid().ToString("N"));

    public string ScenarioPath => Path.Combine(Folder, "small.json");

    /// <summary>3 shock sizes × 2 designs × 4 seeds = 24 runs of 25 simulated seconds.</summary>
    public SweepPlan Plan(string directory, int parallel = 2) => new()
    {
        ScenarioPath = ScenarioPath,
        Parameters = [new SweepParameter("shocks[0].quantity", ["1000", "3000", "5000"])],
        Designs = ["insurance-fund", "full-close"],
        Seeds = [1, 2, 3, 4],
        Directory = Path.Combine(Folder, directory),
        MaxParallelism = parallel,
        DurationSeconds = 25,
    };

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
