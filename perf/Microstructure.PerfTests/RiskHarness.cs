namespace Microstructure.PerfTests;

/// <summary>Dispatch of the risk modes (kept out of Harness.cs so the two can change independently).</summary>
internal static class RiskHarness
{
    public static void Run(string mode)
    {
        bool quick = Environment.GetEnvironmentVariable("MS_RISK_QUICK") == "1";
        if (mode == "risk")
        {
            RiskCascade.Print(quick);
        }
        else
        {
            RiskLatency.Print(quick);
        }
    }
}
