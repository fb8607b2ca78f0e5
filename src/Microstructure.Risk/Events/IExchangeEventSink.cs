namespace Microstructure.Risk;

/// <summary>
/// Receives the exchange's events in order: the <see cref="IEventSink{TEvent}"/> of <see cref="ExchangeEvent"/>.
/// Implement it on a struct and pass it by <c>ref</c> so the call inlines.
/// </summary>
public interface IExchangeEventSink : IEventSink<ExchangeEvent>
{
}
