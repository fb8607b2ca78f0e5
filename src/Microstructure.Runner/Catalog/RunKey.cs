using System.Security.Cryptography;
using System.Text;

namespace Microstructure.Runner.Catalog;

/// <summary>
/// The key of a run: 16 hex digits of SHA-256 over the scenario file's bytes, the point, the design, the seed and the
/// duration — a sweep's run directory name and every catalog's <c>key</c> column.
/// </summary>
internal static class RunKey
{
    /// <summary>The key of (file content, point, design, seed, duration).</summary>
    public static string Of(byte[] scenarioBytes, IReadOnlyList<KeyValuePair<string, string>> point, string design, long seed, double? duration)
    {
        var text = new StringBuilder();
        text.Append(Convert.ToHexString(SHA256.HashData(scenarioBytes))).Append('\n');
        foreach (var (path, value) in point)
        {
            text.Append(path).Append('=').Append(value).Append('\n');
        }

        text.Append("design=").Append(design).Append('\n').Append("seed=").Append(seed).Append('\n');
        text.Append("duration=").Append(duration is { } d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "scenario").Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
