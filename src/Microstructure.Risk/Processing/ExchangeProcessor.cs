using Microstructure.Engine.Processing;

namespace Microstructure.Risk.Processing;

/// <summary>The <see cref="Exchange"/> as a <see cref="ICommandProcessor{TSlot, TEvent}"/> of the generic business-logic pipeline.</summary>
/// <param name="exchange">The exchange to drive.</param>
internal readonly struct ExchangeProcessor(Exchange exchange) : ICommandProcessor<SequencedExchangeCommand, ExchangeEvent>
{
    /// <summary>The exchange this processor drives.</summary>
    public Exchange Exchange { get; } = exchange;

    /// <inheritdoc />
    public void Process<TSink>(in SequencedExchangeCommand slot, long sequence, ref TSink sink)
        where TSink : struct, IEventSink<ExchangeEvent> =>
        Exchange.Process(in slot.Command, sequence, ref sink);
}
