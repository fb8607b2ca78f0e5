using Microstructure.Agents.Validation;

namespace Microstructure.Agents.Configuration;

/// <summary>
/// An agent's network latency to the exchange, each way: a fixed part plus a uniform jitter in [0, jitter], drawn
/// per message from a seeded stream. Orders reach the exchange after <see cref="InMicros"/>; fills and market data
/// reach the agent after <see cref="OutMicros"/>.
/// </summary>
public sealed record LatencyOptions
{
    /// <summary>Fixed latency of the agent's commands to the exchange, in microseconds. Default 200.</summary>
    public double InMicros { get; init; } = 200;

    /// <summary>Fixed latency of events and market data back to the agent, in microseconds. Default 200.</summary>
    public double OutMicros { get; init; } = 200;

    /// <summary>Largest extra delay per message (uniform in [0, this]), in microseconds. Default 50.</summary>
    public double JitterMicros { get; init; } = 50;

    /// <summary>Inbound fixed latency in nanoseconds.</summary>
    public long InNanos => ToNanos(InMicros);

    /// <summary>Outbound fixed latency in nanoseconds.</summary>
    public long OutNanos => ToNanos(OutMicros);

    /// <summary>Jitter bound in nanoseconds.</summary>
    public long JitterNanos => ToNanos(JitterMicros);

    /// <summary>Checks the three values (each in [0, 10 s]).</summary>
    /// <param name="path">Where the latency sits.</param>
    public void Validate(string path)
    {
        Require.InRange(InMicros, 0, 10_000_000, $"{path}.inMicros");
        Require.InRange(OutMicros, 0, 10_000_000, $"{path}.outMicros");
        Require.InRange(JitterMicros, 0, 10_000_000, $"{path}.jitterMicros");
    }

    private static long ToNanos(double micros) => (long)Math.Round(micros * 1_000, MidpointRounding.AwayFromZero);
}
