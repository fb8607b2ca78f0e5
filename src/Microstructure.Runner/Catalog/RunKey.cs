using System.Security.Cryptography;
using System.Text;

namespace Microstructure.Runner.Catalog;

/// <summary>
/// The key of a run: 16 hex digits of SHA-256 over the scenario file's bytes, the point, the design, the seed, the
/// duration and, when the scenario reads predictive-margin models, their digests (a retrained model is another run) — a
/// sweep's run directory name and every catalog's <c>key</c> column.
/// </summary>
internal static class RunKey
{
    /// <summary>The key of (file content, point, design, seed, duration).</summary>
    public static string Of(byte[] scenarioBytes, IReadOnlyList<KeyValuePair<string, string>> point, string design, long seed, double? duration, string modelDigest = "")
    {
        var text = new StringBuilder();
        text.Append(Convert.ToHexString(SHA256.HashData(scenarioBytes))).Append('\n');
        foreach (var (path, value) in point)
        {
            text.Append(path).Append('=').Append(value).Append('\n');
        }

        text.Append("design=").Append(design).Append('\n').Append("seed=").Append(seed).Append('\n');
        text.Append("duration=").Append(duration is { } d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "scenario").Append('\n');
        if (modelDigest.Length > 0)
        {
            // Only then, so that the keys of runs without a model stay what they were.
            text.Append("models=").Append(modelDigest).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
