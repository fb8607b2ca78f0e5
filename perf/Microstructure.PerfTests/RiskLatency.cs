namespace Microstructure.PerfTests;

/// <summary>Placeholder replaced below.</summary>
internal static class RiskLatency
{
    public static void Print(bool quick) => throw new NotSupportedException(quick.ToString());
}
