using System.Net;

namespace Microstructure.Cluster;

/// <summary>
/// What <c>micro cluster silo --kubernetes</c> needs from the pod it runs in before Orleans' Kubernetes hosting
/// (<c>UseKubernetesHosting</c>) takes over: the downward-API variables that name the pod and its address, the
/// service and cluster ids the pod's <c>orleans/serviceId</c> and <c>orleans/clusterId</c> labels carry, and the
/// service account token it watches pods with. Checked here so that a silo started outside a pod, or in a pod
/// deployed without them, stops with one line naming what is missing instead of an exception from the Kubernetes
/// client. deploy/kubernetes/ holds manifests that set all of it.
/// </summary>
public static class KubernetesPod
{
    /// <summary>Where Kubernetes mounts a pod's service account token.</summary>
    public const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    private static readonly string[] Required = ["POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID"];

    /// <summary>
    /// Null when the pod is usable with <paramref name="clustering"/> and <paramref name="clusterIdOption"/> (then
    /// <paramref name="clusterId"/> is the pod's cluster id); else the one-line problem.
    /// </summary>
    /// <param name="environment">The process's environment variables.</param>
    /// <param name="tokenExists">Whether the service account token is mounted.</param>
    /// <param name="clustering">The membership (<c>--clustering</c>): Kubernetes hosting does not provide one.</param>
    /// <param name="clusterIdOption"><c>--cluster-id</c>, or null.</param>
    /// <param name="clusterId">The cluster id to use.</param>
    public static string? Check(IReadOnlyDictionary<string, string?> environment, bool tokenExists, ClusterAddress clustering, string? clusterIdOption, out string clusterId)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(clustering);
        clusterId = string.Empty;
        if (clustering.Redis is null)
        {
            return "--kubernetes needs --clustering redis://HOST:PORT: Orleans' Kubernetes hosting names and addresses the silo, membership still needs Redis";
        }

        string[] missing = [.. Required.Where(name => string.IsNullOrEmpty(environment.GetValueOrDefault(name)))];
        if (missing.Length > 0)
        {
            return $"--kubernetes: {string.Join(", ", missing)} not set: run the silo in a pod that sets them (downward API and the orleans/serviceId, orleans/clusterId labels; deploy/kubernetes/silo.yaml)";
        }

        if (!IPAddress.TryParse(environment["POD_IP"], out _))
        {
            return $"--kubernetes: POD_IP must be an IP address; got '{environment["POD_IP"]}'";
        }

        if (environment["ORLEANS_SERVICE_ID"] != ClusterHosting.ServiceId)
        {
            return $"--kubernetes: ORLEANS_SERVICE_ID (the pod label orleans/serviceId) must be {ClusterHosting.ServiceId}, the service micro's sweeps connect to; got '{environment["ORLEANS_SERVICE_ID"]}'";
        }

        string podClusterId = environment["ORLEANS_CLUSTER_ID"]!;
        if (clusterIdOption is not null && clusterIdOption != podClusterId)
        {
            return $"--kubernetes: --cluster-id {clusterIdOption} differs from the pod's ORLEANS_CLUSTER_ID (label orleans/clusterId) {podClusterId}; give one of them";
        }

        if (!tokenExists)
        {
            return $"--kubernetes: no service account token at {TokenPath}: not in a pod, or automountServiceAccountToken is off (the silo watches pods with it; deploy/kubernetes/rbac.yaml)";
        }

        clusterId = podClusterId;
        return null;
    }
}
