using System.Runtime.InteropServices;

namespace Microstructure.PerfTests;

/// <summary>Pins the calling OS thread to one CPU (Linux <c>sched_setaffinity</c>); a no-op elsewhere.</summary>
internal static partial class ThreadAffinity
{
    /// <summary>Pins the calling thread to <paramref name="cpu"/>; returns false if the OS refused or is not Linux.</summary>
    public static bool Pin(int cpu)
    {
        if (!OperatingSystem.IsLinux() || cpu < 0 || cpu >= 64)
        {
            return false;
        }

        ulong mask = 1UL << cpu;
        return SchedSetAffinity(0, (nint)sizeof(ulong), ref mask) == 0;
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nint cpuSetSize, ref ulong mask);
}
