using Microstructure.Engine.Processing;
using Microstructure.Ring;

namespace Microstructure.Risk.Processing;

/// <summary>
/// The exchange behind the rings: producers → input ring of <see cref="SequencedExchangeCommand"/> → the
/// <see cref="Exchange"/> on one business-logic thread (matching, risk and liquidations inline) → output ring of
/// <see cref="ExchangeEvent"/> → the consumers the caller attaches (e.g. a <see cref="Microstructure.Engine.Journal.JournalHandler{TEvent, TCodec}"/> of the exchange journal).
/// </summary>
/// <remarks>
/// A <see cref="BusinessLogicPipeline{TSlot, TEvent, TProcessor}"/> over <see cref="ExchangeProcessor"/>; the same
/// commands give the same events as calling <see cref="Exchange.Process{TSink}"/> directly. Read the exchange's state
/// only after <see cref="Shutdown"/> returned.
/// </remarks>
public sealed class ExchangePipeline : IDisposable
{
    private readonly BusinessLogicPipeline<SequencedExchangeCommand, ExchangeEvent, ExchangeProcessor> _pipeline;

    /// <summary>Wires the pipeline; nothing runs until <see cref="Start"/>.</summary>
    /// <param name="exchange">The exchange to drive; owned by the pipeline's thread while it runs.</param>
    /// <param name="options">Ring sizes, producer type, wait strategy, resequencing.</param>
    /// <param name="configureOutput">Attaches the output ring's consumers.</param>
    public ExchangePipeline(Exchange exchange, EnginePipelineOptions options, Action<Disruptor<ExchangeEvent>> configureOutput)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        Exchange = exchange;
        _pipeline = new BusinessLogicPipeline<SequencedExchangeCommand, ExchangeEvent, ExchangeProcessor>(new ExchangeProcessor(exchange), options, configureOutput);
    }

    /// <summary>The exchange this pipeline drives.</summary>
    public Exchange Exchange { get; }

    /// <summary>Where producers claim, write and publish commands.</summary>
    public RingBuffer<SequencedExchangeCommand> Input => _pipeline.Input;

    /// <summary>The events the exchange produced.</summary>
    public RingBuffer<ExchangeEvent> Output => _pipeline.Output;

    /// <summary>Input-ring sequence the business-logic thread has fully applied (−1 before the first command).</summary>
    public long AppliedSequence => _pipeline.AppliedSequence;

    /// <summary>The first exception that halted the business logic or an output consumer, if any.</summary>
    public Exception? Fault => _pipeline.Fault;

    /// <summary>Starts the output consumers, then the business-logic thread.</summary>
    public void Start() => _pipeline.Start();

    /// <summary>Drains and stops (see <see cref="BusinessLogicPipeline{TSlot, TEvent, TProcessor}.Shutdown"/>).</summary>
    public bool Shutdown(TimeSpan timeout) => _pipeline.Shutdown(timeout);

    /// <inheritdoc />
    public void Dispose() => _pipeline.Dispose();
}
