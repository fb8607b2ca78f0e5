namespace Microstructure.Engine.Tests.Matching;

/// <summary>A sink that allocates nothing: it only counts events and folds their quantities into a checksum.</summary>
internal struct CountingSink : IEngineEventSink
{
    public long Count;
    public long Checksum;

    public void OnEvent(in EngineEvent engineEvent)
    {
        Count++;
        Checksum += engineEvent.Quantity.Lots ^ (long)engineEvent.Type;
    }
}
