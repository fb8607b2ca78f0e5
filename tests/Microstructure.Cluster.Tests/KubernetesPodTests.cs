namespace Microstructure.Cluster.Tests;

/// <summary>Issue 14 §4: <c>micro cluster silo --kubernetes</c> checks its pod before Orleans' Kubernetes hosting starts.</summary>
public sealed class KubernetesPodTests
{
    private static readonly ClusterAddress Redis = ClusterAddress.Parse("redis://redis:6379", out _)!;

    private static Dictionary<string, string?> Pod() => new(StringComparer.Ordinal)
    {
        ["POD_NAME"] = "micro-silo-7d9f-abcde",
        ["POD_NAMESPACE"] = "sweeps",
        ["POD_IP"] = "10.1.2.3",
        ["ORLEANS_SERVICE_ID"] = "microstructure",
        ["ORLEANS_CLUSTER_ID"] = "sweeps",
    };

    [Fact]
    public void A_pod_deployed_as_the_manifests_deploy_it_is_accepted_and_gives_its_cluster_id()
    {
        Assert.Null(KubernetesPod.Check(Pod(), tokenExists: true, Redis, null, out string clusterId));
        Assert.Equal("sweeps", clusterId);
        Assert.Null(KubernetesPod.Check(Pod(), tokenExists: true, Redis, "sweeps", out _));
    }

    [Theory]
    [InlineData("localhost", "--kubernetes needs --clustering redis://HOST:PORT")]
    [InlineData("no-pod-ip", "--kubernetes: POD_IP not set")]
    [InlineData("no-env", "--kubernetes: POD_NAME, POD_NAMESPACE, POD_IP, ORLEANS_SERVICE_ID, ORLEANS_CLUSTER_ID not set")]
    [InlineData("bad-ip", "--kubernetes: POD_IP must be an IP address; got 'pod'")]
    [InlineData("service", "ORLEANS_SERVICE_ID (the pod label orleans/serviceId) must be microstructure")]
    [InlineData("cluster-id", "--cluster-id other differs from the pod's ORLEANS_CLUSTER_ID")]
    [InlineData("no-token", "no service account token at /var/run/secrets/kubernetes.io/serviceaccount/token")]
    public void A_pod_missing_what_the_hosting_needs_is_refused_with_one_line(string kind, string message)
    {
        var pod = Pod();
        var clustering = Redis;
        string? clusterIdOption = null;
        bool token = true;
        switch (kind)
        {
            case "localhost": clustering = ClusterAddress.Localhost; break;
            case "no-pod-ip": pod.Remove("POD_IP"); break;
            case "no-env": pod.Clear(); break;
            case "bad-ip": pod["POD_IP"] = "pod"; break;
            case "service": pod["ORLEANS_SERVICE_ID"] = "dictionary-app"; break;
            case "cluster-id": clusterIdOption = "other"; break;
            case "no-token": token = false; break;
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }

        string? problem = KubernetesPod.Check(pod, token, clustering, clusterIdOption, out _);

        Assert.NotNull(problem);
        Assert.Contains(message, problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }
}
