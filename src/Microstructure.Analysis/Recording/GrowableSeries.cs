using Microstructure.Analysis.Series;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// An append-only (time, value) series that grows by doubling: 16 bytes per observation, amortised O(1), no
/// allocation between growths. Becomes a <see cref="StepSeries"/> at the end of the run without a copy.
/// </summary>
internal sealed class GrowableSeries
{
    private long[] _times = new long[1024];
    private long[] _values = new long[1024];

    public int Count { get; private set; }

    public long LastValue => Count == 0 ? 0 : _values[Count - 1];

    public long LastTime => Count == 0 ? long.MinValue : _times[Count - 1];

    /// <summary>Appends an observation; times must not go backwards (the recorder's clock is monotone).</summary>
    public void Add(long timeNs, long value)
    {
        if (Count == _times.Length)
        {
            Array.Resize(ref _times, Count * 2);
            Array.Resize(ref _values, Count * 2);
        }

        _times[Count] = timeNs;
        _values[Count] = value;
        Count++;
    }

    public ReadOnlySpan<long> Times => _times.AsSpan(0, Count);

    public ReadOnlySpan<long> Values => _values.AsSpan(0, Count);

    /// <summary>The observations as a step series known until <paramref name="endNs"/>.</summary>
    public StepSeries ToStepSeries(long endNs) =>
        new(_times.AsMemory(0, Count), _values.AsMemory(0, Count), Math.Max(endNs, LastTime));
}
