using HdrHistogram;

namespace Microstructure.PerfTests;

/// <summary>
/// Latency recorded by the last consumer of a pipeline: one value per command, at the command's first event, as
/// (now − the command's <em>intended</em> send time) in nanoseconds.
/// </summary>
/// <remarks>
/// The open-loop producer sends command <c>i</c> at <c>start + i × interval</c> and stamps that intended time, not
/// the time it actually managed to send. A stall anywhere (producer, ring, engine, consumer) therefore delays every
/// command scheduled during it, and each is charged the full wait: coordinated omission is corrected by
/// construction, as in wrk2, and each record costs O(1). (HdrHistogram's <c>RecordValueWithExpectedInterval</c>
/// back-fills instead, which costs O(latency ÷ interval) per record: at 1 µs intervals a 10 ms stall costs 10,000
/// records on the consumer thread and slows it into a feedback loop.)
/// </remarks>
internal sealed class LatencyProbe
{
    /// <summary>Values above this (60 s) are clamped to it and counted in <see cref="Clamped"/>.</summary>
    public const long HighestTrackableNanos = 60_000_000_000;

    private long _completed;

    public LongHistogram Histogram { get; } = new(HighestTrackableNanos, 3);

    public long Completed => Volatile.Read(ref _completed);

    public long Clamped { get; private set; }

    public long LastCompletionNanos { get; private set; }

    public void Record(long intendedNanos)
    {
        long now = Clock.NowNanos();
        long latency = now - intendedNanos;
        if (latency > HighestTrackableNanos)
        {
            latency = HighestTrackableNanos;
            Clamped++;
        }

        Histogram.RecordValue(Math.Max(0, latency));
        LastCompletionNanos = now;
        Volatile.Write(ref _completed, _completed + 1);
    }
}
