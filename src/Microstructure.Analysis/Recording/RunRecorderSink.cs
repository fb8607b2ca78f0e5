using Microstructure.Risk;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// Adapts a <see cref="RunRecorder"/> to the exchange's struct-sink interface, so that
/// <c>exchange.Process(in command, sequence, ref sink)</c> feeds it directly.
/// </summary>
public readonly struct RunRecorderSink(RunRecorder recorder) : IExchangeEventSink
{
    private readonly RunRecorder _recorder = recorder;

    /// <inheritdoc />
    public void OnEvent(in ExchangeEvent e) => _recorder.OnEvent(in e);
}
