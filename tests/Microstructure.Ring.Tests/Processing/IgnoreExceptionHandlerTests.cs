using Microstructure.Ring.Tests.TestSupport;

namespace Microstructure.Ring.Tests.Processing;

public class IgnoreExceptionHandlerTests
{
    [Fact]
    public void Swallows_counts_and_logs_each_failure_with_its_sequence()
    {
        var logged = new List<(Exception, long)>();
        var handler = new IgnoreExceptionHandler<TestEvent>((ex, sequence) => logged.Add((ex, sequence)));
        var failure = new InvalidOperationException("x");
        var data = default(TestEvent);

        handler.HandleEventException(failure, 7, ref data);
        handler.HandleOnStartException(failure);
        handler.HandleOnShutdownException(failure);

        Assert.Equal(3, handler.FailureCount);
        Assert.Equal([(failure, 7L), (failure, -1L), (failure, -1L)], logged);
    }

    [Fact]
    public void Works_without_a_logger()
    {
        var handler = new IgnoreExceptionHandler<TestEvent>();
        var data = default(TestEvent);
        handler.HandleEventException(new InvalidOperationException(), 1, ref data);
        Assert.Equal(1, handler.FailureCount);
    }
}
