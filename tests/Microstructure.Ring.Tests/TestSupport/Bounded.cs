using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Microstructure.Ring.Tests.TestSupport;

/// <summary>Runs concurrent test bodies with a time limit, so that a hang fails instead of blocking CI.</summary>
internal static class Bounded
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static void Run(Action action, TimeSpan? timeout = null)
    {
        var task = Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var limit = timeout ?? DefaultTimeout;
        if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(limit))
        {
            Assert.Fail($"Test body did not finish within {limit}.");
        }

        if (task.IsFaulted)
        {
            ExceptionDispatchInfo.Throw(task.Exception!.InnerException!);
        }
    }

    public static void Until(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var stopwatch = Stopwatch.StartNew();
        var spinWait = default(SpinWait);
        while (!condition())
        {
            if (stopwatch.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit} waiting for: {what}");
            }

            spinWait.SpinOnce();
        }
    }

    /// <summary>Runs a processor on a dedicated thread.</summary>
    public static Thread Start(IEventProcessor processor)
    {
        var thread = new Thread(processor.Run) { IsBackground = true, Name = "test-processor" };
        thread.Start();
        Until(() => processor.IsRunning, "processor running");
        return thread;
    }

    public static void Stop(IEventProcessor processor, Thread thread)
    {
        processor.Halt();
        Assert.True(thread.Join(DefaultTimeout), "processor thread did not stop after Halt");
    }
}
