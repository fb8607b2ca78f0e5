using System.Security.Cryptography;
using Microstructure.Risk.Journal;
using Microstructure.Simulation.Running;

namespace Microstructure.Simulation.Tests.TestSupport;

/// <summary>Runs a simulation into an in-memory exchange journal and hashes it.</summary>
internal static class JournalHash
{
    public static (byte[] Journal, RunResult Result) Journal(SimulationRun run)
    {
        var stream = new MemoryStream();
        RunResult result;
        using (var writer = new ExchangeJournalWriter(stream, leaveOpen: true))
        {
            result = run.Execute(new JournalObserver(writer));
        }

        return (stream.ToArray(), result);
    }

    public static string Of(SimulationRun run) => Convert.ToHexString(SHA256.HashData(Journal(run).Journal));
}
