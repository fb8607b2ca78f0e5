namespace Microstructure.Risk;

/// <summary>Reads every event the exchange stages, in order, just before they go to the caller's sink (the live cascade features).</summary>
internal interface IStagedEventReader
{
    /// <summary>One staged event.</summary>
    void OnEvent(in ExchangeEvent e);
}
