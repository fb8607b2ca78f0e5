using Microstructure.Analysis.Recording;
using Microstructure.Simulation.Kernel;

namespace Microstructure.Runner.Recording;

/// <summary>Feeds a run's events to a <see cref="RunRecorder"/> (the kernel speaks <see cref="IRunObserver"/>).</summary>
/// <param name="recorder">The recorder that owns the run directory.</param>
internal sealed class RecorderObserver(RunRecorder recorder) : IRunObserver
{
    /// <inheritdoc />
    public void OnEvent(in ExchangeEvent e) => recorder.OnEvent(in e);
}
