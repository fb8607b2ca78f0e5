namespace Microstructure.Risk;

/// <summary>
/// Watches every <see cref="ExchangeEvent"/> of a run, in order: the seam a run recorder attaches to, whoever drives
/// the <see cref="Processing.Exchange"/> (a simulation kernel, or a historical replay with a leveraged population).
/// </summary>
/// <remarks>
/// An ordinary interface (one virtual call per event), so any class can be attached without taking part in the
/// driver's generic struct sinks. Called on the business-logic thread; copy the event if it must outlive the call.
/// </remarks>
public interface IExchangeEventObserver
{
    /// <summary>Called once per event, in emission order.</summary>
    /// <param name="e">The event.</param>
    void OnEvent(in ExchangeEvent e);
}
