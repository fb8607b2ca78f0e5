using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microstructure.Runner.Sweeps;
using Orleans.Configuration;

namespace Microstructure.Cluster;

/// <summary>What <c>micro cluster silo</c> starts.</summary>
public sealed record ClusterSiloOptions
{
    /// <summary>The membership: localhost or Redis.</summary>
    public ClusterAddress Clustering { get; init; } = ClusterAddress.Localhost;

    /// <summary>The cluster's id: silos and clients of one cluster share it.</summary>
    public string ClusterId { get; init; } = ClusterHosting.DefaultClusterId;

    /// <summary>Runs at once on this silo (default: the cores).</summary>
    public int Slots { get; init; } = Environment.ProcessorCount;

    /// <summary>The silo-to-silo port.</summary>
    public int SiloPort { get; init; } = EndpointOptions.DEFAULT_SILO_PORT;

    /// <summary>The port clients connect to.</summary>
    public int GatewayPort { get; init; } = EndpointOptions.DEFAULT_GATEWAY_PORT;

    /// <summary>The address other silos and clients reach this silo at.</summary>
    public IPAddress AdvertisedAddress { get; init; } = IPAddress.Loopback;

    /// <summary>
    /// In a Kubernetes pod (<c>--kubernetes</c>, checked by <see cref="KubernetesPod.Check"/>): Orleans' Kubernetes
    /// hosting names the silo after the pod, advertises the pod's IP and marks silos whose pods are gone as dead.
    /// </summary>
    public bool Kubernetes { get; init; }
}

/// <summary>The silo host and the cluster sweep client (docs/distributed.md).</summary>
public static class ClusterHosting
{
    /// <summary>The cluster id when none is given.</summary>
    public const string DefaultClusterId = "microstructure";

    /// <summary>Orleans' service id of every Microstructure cluster.</summary>
    internal const string ServiceId = "microstructure";

    /// <summary>
    /// How long a client waits for one run's answer before retrying it. A silo that dies is noticed sooner, through
    /// membership; this bounds a silo that hangs. Runs queue on a silo's slots inside this time.
    /// </summary>
    internal static readonly TimeSpan RunTimeout = TimeSpan.FromHours(2);

    /// <summary>Runs a silo until <paramref name="cancellationToken"/> is cancelled (SIGINT, SIGTERM).</summary>
    /// <param name="options">Its options.</param>
    /// <param name="output">Where the "silo up" line goes.</param>
    /// <param name="cancellationToken">Stops the silo (gracefully: its runs move elsewhere).</param>
    /// <returns>A task that ends when the silo has stopped.</returns>
    public static async Task RunSiloAsync(ClusterSiloOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        Quiet(builder.Logging);
        builder.UseOrleans(silo =>
        {
            if (options.Clustering.Redis is { } redis)
            {
                silo.UseRedisClustering(redis);
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, ServiceId));
                if (options.Kubernetes)
                {
                    // Silo name = pod name, advertised address = pod IP, listening on any address at these ports.
                    silo.Configure<EndpointOptions>(o => (o.SiloPort, o.GatewayPort) = (options.SiloPort, options.GatewayPort));
                    silo.UseKubernetesHosting();
                }
                else
                {
                    silo.ConfigureEndpoints(options.AdvertisedAddress, options.SiloPort, options.GatewayPort);
                }
            }
            else
            {
                var primary = new IPEndPoint(IPAddress.Loopback, EndpointOptions.DEFAULT_SILO_PORT);
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, options.SiloPort == primary.Port ? null : primary, ServiceId, options.ClusterId);
            }

            ConfigureSilo(silo, options.Slots);
        });
        using var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"silo up: cluster '{options.ClusterId}' on {options.Clustering}, silo port {options.SiloPort}, gateway port {options.GatewayPort}, {options.Slots} slot(s), pid {Environment.ProcessId}").ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(stop.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="plan"/> on the cluster at <paramref name="address"/>: the same directory, run keys, resume
    /// and catalog as <see cref="SweepRunner.Run(SweepPlan, Action{SweepProgress}?, CancellationToken)"/>. The cluster
    /// is contacted only if a run is missing.
    /// </summary>
    /// <param name="plan">The sweep (its MaxParallelism bounds the runs in flight on the cluster).</param>
    /// <param name="address">The cluster's membership.</param>
    /// <param name="clusterId">Its id.</param>
    /// <param name="sharedDirectory">With <c>--keep all</c>: a directory every silo and this process see at the same path, through which the runs' full tapes travel (<c>--shared-dir</c>); else null.</param>
    /// <param name="progress">Called as each run finishes.</param>
    /// <param name="log">Retries and other notes, one line each (stderr).</param>
    /// <param name="cancellationToken">Stops the sweep; finished runs stay for a resume.</param>
    /// <returns>The finished sweep.</returns>
    /// <exception cref="ClusterException">No silo answered, or a silo refused a run.</exception>
    public static SweepResult RunSweep(SweepPlan plan, ClusterAddress address, string clusterId, string? sharedDirectory, Action<SweepProgress>? progress, Action<string>? log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(address);
        return SweepRunner.Run(plan, new ConnectingExecutor(address, clusterId, sharedDirectory, log), progress, cancellationToken);
    }

    /// <summary>The grain's services and the membership timing shared by <c>micro cluster silo</c> and the tests' silos.</summary>
    internal static void ConfigureSilo(ISiloBuilder silo, int slots)
    {
        string scratch = Path.Combine(Path.GetTempPath(), $"microstructure-silo-{Environment.ProcessId}-{Guid.NewGuid():N}");
        silo.Services.AddSingleton(_ => new RunSlots(slots, scratch));
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = RunTimeout);
    }

    private static void Quiet(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None); // a failed start is reported in one line by the command
        logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error); // the ServerGC notes at every start
    }

    /// <summary>Connects a client when there is something to run, runs it on the cluster, disconnects.</summary>
    private sealed class ConnectingExecutor(ClusterAddress address, string clusterId, string? sharedDirectory, Action<string>? log) : ISweepExecutor
    {
        public void Execute(SweepPlan plan, IReadOnlyList<SweepRun> todo, string runsRoot, Action<SweepRun> finished, CancellationToken cancellationToken)
        {
            if (todo.Count == 0)
            {
                return;
            }

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            Quiet(builder.Logging);
            var connectDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            builder.UseOrleansClient(client =>
            {
                if (address.Redis is { } redis)
                {
                    client.UseRedisClustering(redis);
                    client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, ServiceId));
                }
                else
                {
                    client.UseLocalhostClustering(EndpointOptions.DEFAULT_GATEWAY_PORT, ServiceId, clusterId);
                }

                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = RunTimeout);
                client.UseConnectionRetryFilter(async (_, token) =>
                {
                    if (DateTime.UtcNow > connectDeadline)
                    {
                        return false;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(1), token).ConfigureAwait(false);
                    return true;
                });
            });
            using var host = builder.Build();
            try
            {
                host.StartAsync(cancellationToken).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new ClusterException($"--cluster {address}: no silo of cluster '{clusterId}' answered within 30 s ({e.GetType().Name}); start one with micro cluster silo", e);
            }

            try
            {
                var executor = new ClusterSweepExecutor(host.Services.GetRequiredService<IClusterClient>(), plan.MaxParallelism, log, sharedDirectory: sharedDirectory);
                executor.Execute(plan, todo, runsRoot, finished, cancellationToken);
            }
            finally
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                host.StopAsync(stop.Token).GetAwaiter().GetResult();
            }
        }
    }
}
