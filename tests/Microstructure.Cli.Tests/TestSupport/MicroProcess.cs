using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Microstructure.Cli.Tests.TestSupport;

/// <summary>
/// <c>micro</c> (the built micro.dll next to the tests) in a process of its own, so that real signals reach it: start,
/// wait for a condition, send SIGINT or SIGTERM, wait for the exit. Every wait is bounded; disposing kills a process
/// that is still running, so a test can neither hang nor leave one behind.
/// </summary>
internal sealed class MicroProcess : IDisposable
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private MicroProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether signal tests can run here (they need POSIX signals).</summary>
    public static bool Supported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Standard output so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Standard error so far.</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>
    /// Whether the process ignores SIGINT — as every process started in the background by a non-interactive shell
    /// does, and its children after it (micro then keeps ignoring it, as it should). Linux only; false elsewhere.
    /// </summary>
    public bool IgnoresSigInt
    {
        get
        {
            string status = $"/proc/{Id}/status";
            if (!File.Exists(status))
            {
                return false;
            }

            string? line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (SigInt - 1))) != 0;
        }
    }

    /// <summary>Starts <c>micro ARGS</c> in <paramref name="workingDirectory"/>.</summary>
    public static MicroProcess Start(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "micro.dll"));
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var micro = new MicroProcess(process);
        process.OutputDataReceived += (_, e) => Append(micro._output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(micro._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return micro;
    }

    /// <summary>Creates a named pipe (a FIFO) at <paramref name="path"/>.</summary>
    public static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        Assert.True(mkfifo.WaitForExit(TimeSpan.FromSeconds(30)), "mkfifo did not return");
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>Polls <paramref name="condition"/> every 20 ms until it holds; fails (with micro's output) past <paramref name="timeout"/> or if micro exits first.</summary>
    public void WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited)
            {
                Assert.Fail($"micro exited ({_process.ExitCode}) before {what}.\nstdout: {Output}\nstderr: {Error}");
            }

            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"{what} did not happen within {timeout.TotalSeconds} s.\nstdout: {Output}\nstderr: {Error}");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>
    /// Sends signal <paramref name="signal"/> (e.g. <see cref="SigTerm"/>) to the process; with
    /// <paramref name="mayHaveExited"/>, a process that is already gone (it finished winding down) is no failure.
    /// </summary>
    public void Signal(int signal, bool mayHaveExited = false)
    {
        const int NoSuchProcess = 3; // ESRCH
        if (mayHaveExited && _process.HasExited)
        {
            return;
        }

        if (Kill(Id, signal) != 0 && !(mayHaveExited && Marshal.GetLastPInvokeError() == NoSuchProcess))
        {
            Assert.Fail($"kill({Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits for the exit (bounded) and returns the exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Assert.Fail($"micro did not exit within {timeout.TotalSeconds} s.\nstdout: {Output}\nstderr: {Error}");
        }

        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    /// <summary>The dotnet host running these tests (the test host is started by it), or the one beside the runtime.</summary>
    internal static string DotnetHost()
    {
        string executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        if (Environment.ProcessPath is { } path && Path.GetFileName(path) == executable)
        {
            return path;
        }

        // .../shared/Microsoft.NETCore.App/<version>/ → the root holding the dotnet host.
        string runtime = RuntimeEnvironment.GetRuntimeDirectory();
        string root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        string beside = Path.Combine(root, executable);
        return File.Exists(beside) ? beside : executable;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static void Append(StringBuilder into, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (into)
        {
            into.AppendLine(line);
        }
    }
}
