using System.Globalization;

namespace Microstructure.Cluster;

/// <summary>
/// Where a cluster's membership lives: <c>localhost</c> (Orleans' development clustering on one machine: the silo on
/// port 11111 is the primary, clients use gateway 30000) or <c>redis://HOST:PORT</c> (Redis membership, for real clusters).
/// </summary>
public sealed record ClusterAddress
{
    private ClusterAddress(string? redis) => Redis = redis;

    /// <summary>The development clustering on this machine.</summary>
    public static ClusterAddress Localhost { get; } = new((string?)null);

    /// <summary>HOST:PORT of the Redis server holding the membership table, or null for localhost clustering.</summary>
    public string? Redis { get; }

    /// <summary>Parses <c>localhost</c> or <c>redis://HOST:PORT</c>; null (and <paramref name="problem"/>) when it is neither.</summary>
    /// <param name="text">The option's value.</param>
    /// <param name="problem">Why it is not an address.</param>
    /// <returns>The address, or null.</returns>
    public static ClusterAddress? Parse(string? text, out string? problem)
    {
        problem = null;
        if (text == "localhost")
        {
            return Localhost;
        }

        const string Scheme = "redis://";
        if (text is not null && text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            string endpoint = text[Scheme.Length..].TrimEnd('/');
            int colon = endpoint.LastIndexOf(':');
            if (colon > 0 && int.TryParse(endpoint.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and < 65536
                && !endpoint[..colon].Any(c => char.IsWhiteSpace(c) || c is ',' or '/'))
            {
                return new ClusterAddress(endpoint);
            }
        }

        problem = $"must be localhost or redis://HOST:PORT (e.g. redis://127.0.0.1:6379); got '{text}'";
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Redis is null ? "localhost" : "redis://" + Redis;
}
