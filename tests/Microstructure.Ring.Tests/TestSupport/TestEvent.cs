namespace Microstructure.Ring.Tests.TestSupport;

public struct TestEvent
{
    public long Value;
    public int ProducerId;
    public long ProducerSequence;
}
