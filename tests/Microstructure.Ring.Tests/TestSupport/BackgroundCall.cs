using System.Runtime.ExceptionServices;

namespace Microstructure.Ring.Tests.TestSupport;

/// <summary>A call running on its own thread, joined with a time limit (no blocking on tasks in tests).</summary>
internal sealed class BackgroundCall<TResult>
{
    private readonly Thread _thread;
    private TResult? _result;
    private Exception? _exception;

    public BackgroundCall(Func<TResult> call)
    {
        _thread = new Thread(() =>
        {
            try
            {
                _result = call();
            }
            catch (Exception ex)
            {
                _exception = ex;
            }
        })
        { IsBackground = true, Name = "test-background-call" };
        _thread.Start();
    }

    public bool FinishesWithin(TimeSpan timeout) => _thread.Join(timeout);

    public TResult Result
    {
        get
        {
            Assert.True(_thread.Join(Bounded.DefaultTimeout), "background call did not finish");
            if (_exception is not null)
            {
                ExceptionDispatchInfo.Throw(_exception);
            }

            return _result!;
        }
    }

    public Exception? Exception
    {
        get
        {
            Assert.True(_thread.Join(Bounded.DefaultTimeout), "background call did not finish");
            return _exception;
        }
    }
}
