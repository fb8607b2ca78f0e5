using System.Runtime.InteropServices;
using Microstructure.Cli.Commands;

namespace Microstructure.Cli.Output;

/// <summary>
/// The one place where SIGINT (Ctrl+C) and SIGTERM are handled, for the whole life of the process. Neither ends the
/// process: the first cancels <see cref="Token"/>, which simulate, compare and every replay observe — the run stops at
/// its next safe point (between kernel items, replayed messages or analysis steps), closes its tapes (whole CSV rows,
/// Parquet footers) and writes summary.json marked cancelled, and the command exits with <see cref="ExitCode"/> (130
/// for SIGINT, 143 for SIGTERM: 128 + the signal). A later signal changes nothing but a notice: the wind-down only
/// closes files and writes one summary, and killing it half-way is what would corrupt them (SIGKILL still stops the
/// process at once, at that price).
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly TextWriter? _notices;
    private readonly object _gate = new();
    private PosixSignal? _first;

    private TerminationSignals(TextWriter? notices) => _notices = notices;

    /// <summary>Cancelled at the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The first signal received, or null.</summary>
    public PosixSignal? Received
    {
        get
        {
            lock (_gate)
            {
                return _first;
            }
        }
    }

    /// <summary>The exit code of a run stopped by the first signal: 143 for SIGTERM, else 130 (SIGINT).</summary>
    public int ExitCode => Received == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled;

    /// <summary>Handles SIGINT and SIGTERM for the process; notices of later signals go to <paramref name="notices"/>.</summary>
    /// <param name="notices">Standard error.</param>
    /// <returns>The handler (dispose it at exit).</returns>
    public static TerminationSignals Listen(TextWriter notices)
    {
        var signals = new TerminationSignals(notices);
        foreach (PosixSignal signal in (ReadOnlySpan<PosixSignal>)[PosixSignal.SIGINT, PosixSignal.SIGTERM])
        {
            signals._registrations.Add(PosixSignalRegistration.Create(signal, signals.OnSignal));
        }

        return signals;
    }

    /// <summary>A handler that listens to no signal (the command line run in-process, e.g. by tests); <see cref="Request"/> cancels it.</summary>
    /// <returns>The handler.</returns>
    public static TerminationSignals None() => new(notices: null);

    /// <summary>What receiving <paramref name="signal"/> does: the first cancels <see cref="Token"/>; false for a later one.</summary>
    /// <param name="signal">SIGINT or SIGTERM.</param>
    /// <returns>Whether this was the first.</returns>
    public bool Request(PosixSignal signal)
    {
        lock (_gate)
        {
            if (_first is not null)
            {
                return false;
            }

            _first = signal;
        }

        _source.Cancel();
        return true;
    }

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Never the default termination: that would cut the tapes mid-row and leave Parquet without its footer.
        context.Cancel = true;
        if (!Request(context.Signal))
        {
            _notices?.WriteLine($"{Name(context.Signal)} again: still closing the output files (whole rows, Parquet footers); SIGKILL would stop at once but may leave them unreadable");
        }
    }

    private static string Name(PosixSignal signal) => signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT (Ctrl+C)";
}
