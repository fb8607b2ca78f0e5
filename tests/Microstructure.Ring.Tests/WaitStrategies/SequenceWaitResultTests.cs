namespace Microstructure.Ring.Tests.WaitStrategies;

public class SequenceWaitResultTests
{
    [Fact]
    public void Timeout_is_distinct_from_every_available_sequence()
    {
        Assert.True(SequenceWaitResult.Timeout.IsTimeout);
        SequenceWaitResult available = -1;
        Assert.False(available.IsTimeout);
        Assert.Equal(-1, available.UnsafeAvailableSequence);
        Assert.NotEqual(SequenceWaitResult.Timeout, available);
        Assert.Equal(new SequenceWaitResult(5), SequenceWaitResult.FromInt64(5));
    }
}
