namespace Microstructure.Risk.Journal;

/// <summary>Journals events straight from <see cref="Processing.Exchange.Process{TSink}"/> (synchronous use, no rings).</summary>
/// <param name="writer">The journal writer.</param>
internal readonly struct ExchangeJournalSink(ExchangeJournalWriter writer) : IExchangeEventSink
{
    /// <inheritdoc />
    public void OnEvent(in ExchangeEvent e) => writer.Append(in e);
}
