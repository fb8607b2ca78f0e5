namespace Microstructure.Cli.Output;

/// <summary>
/// Turns Ctrl+C into a cancellation for the duration of a run, so the run stops between kernel items and the recorder
/// closes its tape files (what was written stays readable) instead of the process dying mid-write. A second Ctrl+C
/// kills the process as usual.
/// </summary>
internal sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public CtrlC() => Console.CancelKeyPress += OnCancelKeyPress;

    /// <summary>Cancelled when the user pressed Ctrl+C.</summary>
    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }

        e.Cancel = true;
        _source.Cancel();
    }
}
