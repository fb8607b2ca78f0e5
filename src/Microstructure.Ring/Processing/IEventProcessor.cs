namespace Microstructure.Ring;

/// <summary>A consumer loop that runs on its own thread and tracks its progress in a <see cref="Ring.Sequence"/>.</summary>
public interface IEventProcessor
{
    /// <summary>The sequence of the last event this processor has finished with.</summary>
    Sequence Sequence { get; }

    /// <summary>Whether <see cref="Run"/> is executing.</summary>
    bool IsRunning { get; }

    /// <summary>Runs the loop on the calling thread until <see cref="Halt"/>.</summary>
    /// <exception cref="InvalidOperationException">The processor is already running.</exception>
    void Run();

    /// <summary>Asks the loop to stop after the current batch, waking it if it waits.</summary>
    void Halt();
}
