using Microstructure.Ring.Tests.TestSupport;

namespace Microstructure.Ring.Tests.Processing;

public class FatalExceptionHandlerTests
{
    [Fact]
    public void Rethrows_the_original_exception_from_every_callback()
    {
        var handler = new FatalExceptionHandler<TestEvent>();
        var original = new InvalidOperationException("original");
        var data = default(TestEvent);
        Assert.Same(original, Assert.Throws<InvalidOperationException>(() => handler.HandleEventException(original, 3, ref data)));
        Assert.Same(original, Assert.Throws<InvalidOperationException>(() => handler.HandleOnStartException(original)));
        Assert.Same(original, Assert.Throws<InvalidOperationException>(() => handler.HandleOnShutdownException(original)));
    }
}
