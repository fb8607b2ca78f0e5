using System.CommandLine;
using System.Net;
using System.Runtime.CompilerServices;
using Microstructure.Cli.Output;
using Microstructure.Cluster;
using Microstructure.Runner.Sweeps;

namespace Microstructure.Cli.Commands.Cluster;

/// <summary>
/// <c>micro cluster silo</c>: a worker of sweeps on an Orleans cluster (docs/distributed.md), and the client side of
/// <c>micro sweep --cluster</c>. Only these two load Microstructure.Cluster and Orleans: every member that names a
/// Cluster type is here and not inlined, so the local sweep's code never makes the runtime resolve them.
/// </summary>
internal static class ClusterCommand
{
    /// <summary>Builds <c>cluster</c> with its <c>silo</c> subcommand.</summary>
    /// <param name="signals">Stop the silo (SIGINT, SIGTERM): gracefully, its runs move to the other silos.</param>
    public static Command Create(TerminationSignals signals)
    {
        var clustering = new Option<string>("--clustering") { Description = "Membership: localhost (one machine; the silo on port 11111 is the primary) or redis://HOST:PORT (default localhost)." };
        var clusterId = new Option<string?>("--cluster-id") { Description = "The cluster's id; silos and sweeps of one cluster share it (default microstructure)." };
        var slots = new Option<int?>("--slots") { Description = "Runs at once on this silo (default: the number of cores).", CustomParser = NumberParsers.Int("--slots") };
        var siloPort = new Option<int?>("--silo-port") { Description = "Silo-to-silo port (default 11111).", CustomParser = NumberParsers.Int("--silo-port") };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "Port sweeps connect to (default 30000).", CustomParser = NumberParsers.Int("--gateway-port") };
        var advertise = new Option<string?>("--advertise") { Description = "IP address other silos and sweeps reach this silo at (default 127.0.0.1; a VM's own address on a real cluster)." };
        var kubernetes = new Option<bool>("--kubernetes") { Description = "Run in a Kubernetes pod: name the silo after the pod, advertise its IP, drop silos whose pods are gone (needs --clustering redis://; deploy/kubernetes/)." };
        var silo = new Command("silo", "Start a worker silo of sweeps (runs until Ctrl+C or SIGTERM).");
        silo.Options.Add(clustering);
        silo.Options.Add(clusterId);
        silo.Options.Add(slots);
        silo.Options.Add(siloPort);
        silo.Options.Add(gatewayPort);
        silo.Options.Add(advertise);
        silo.Options.Add(kubernetes);
        silo.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (ClusterAddress.Parse(parse.GetValue(clustering) ?? "localhost", out string? problem) is not { } address)
            {
                return SimulationErrors.Report(stderr, $"--clustering {problem}");
            }

            if (CheckClusterId(parse.GetValue(clusterId), "--cluster-id") is { } idProblem)
            {
                return SimulationErrors.Report(stderr, idProblem);
            }

            if (parse.GetValue(slots) is < 1 or > 1024)
            {
                return SimulationErrors.Report(stderr, $"--slots must be from 1 to 1,024; got {parse.GetValue(slots)}");
            }

            foreach (var (name, value) in new[] { ("--silo-port", parse.GetValue(siloPort)), ("--gateway-port", parse.GetValue(gatewayPort)) })
            {
                if (value is < 1 or > 65535)
                {
                    return SimulationErrors.Report(stderr, $"{name} must be a port from 1 to 65,535; got {value}");
                }
            }

            IPAddress? advertised = null;
            if (parse.GetValue(advertise) is { } text && !IPAddress.TryParse(text, out advertised))
            {
                return SimulationErrors.Report(stderr, $"--advertise must be an IP address; got '{text}'");
            }

            string? podClusterId = null;
            if (parse.GetValue(kubernetes))
            {
                if (advertised is not null)
                {
                    return SimulationErrors.Report(stderr, "--advertise and --kubernetes exclude each other: in a pod the silo advertises the pod's IP (POD_IP)");
                }

                var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
                if (KubernetesPod.Check(environment, File.Exists(KubernetesPod.TokenPath), address, parse.GetValue(clusterId), out string fromPod) is { } podProblem)
                {
                    return SimulationErrors.Report(stderr, podProblem);
                }

                podClusterId = fromPod;
            }

            var options = new ClusterSiloOptions
            {
                Clustering = address,
                Kubernetes = podClusterId is not null,
                ClusterId = podClusterId ?? parse.GetValue(clusterId) ?? ClusterHosting.DefaultClusterId,
                Slots = parse.GetValue(slots) ?? Environment.ProcessorCount,
                SiloPort = parse.GetValue(siloPort) ?? 11111,
                GatewayPort = parse.GetValue(gatewayPort) ?? 30000,
                AdvertisedAddress = advertised ?? IPAddress.Loopback,
            };
            try
            {
                ClusterHosting.RunSiloAsync(options, parse.InvocationConfiguration.Output, signals.Token).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not OutOfMemoryException && !signals.Token.IsCancellationRequested)
            {
                stderr.WriteLine($"error: the silo could not start on {address} (ports {options.SiloPort}/{options.GatewayPort}): {PrintableText.Of(e.GetBaseException().Message.Split('\n')[0])}");
                return ExitCodes.UserError;
            }

            return ExitCodes.Ok; // stopped by SIGINT or SIGTERM: a graceful stop is the normal end of a silo
        });
        var command = new Command("cluster", "Run sweeps on an Orleans cluster: start worker silos here, submit with micro sweep --cluster.");
        command.Subcommands.Add(silo);
        return command;
    }

    /// <summary>The problem with a cluster id (letters, digits, '-', '_', '.', up to 64), or null.</summary>
    public static string? CheckClusterId(string? id, string option) =>
        id is null || (id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            ? null
            : $"{option} must be 1 to 64 letters, digits, '-', '_' or '.'; got '{id}'";

    /// <summary>The problem with <c>--cluster</c>, or null.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string? CheckAddress(string text) => ClusterAddress.Parse(text, out string? problem) is null ? $"--cluster {problem}" : null;

    /// <summary>Runs <paramref name="plan"/> on the cluster; a <see cref="ClusterException"/> becomes a one-line error (exit 2).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static SweepResult? RunSweep(SweepPlan plan, string cluster, string? clusterId, string? sharedDir, Action<SweepProgress> progress, TextWriter error, CancellationToken cancellationToken)
    {
        var address = ClusterAddress.Parse(cluster, out _)!;
        try
        {
            return ClusterHosting.RunSweep(plan, address, clusterId ?? ClusterHosting.DefaultClusterId, sharedDir, progress, line => error.WriteLine(PrintableText.Of(line)), cancellationToken);
        }
        catch (ClusterException e)
        {
            error.WriteLine($"error: {PrintableText.Of(e.Message)}");
            return null;
        }
    }
}
