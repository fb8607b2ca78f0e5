using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microstructure.Simulation.Kernel;

namespace Microstructure.Simulation.Tests.Kernel;

/// <summary>
/// Model-based: the kernel's calendar queue must pop in exactly the order of the 4-ary heap it replaced — by (time,
/// scheduling order), ties included — for any interleaving of pushes and pops, whatever the times (same bucket,
/// next buckets, beyond the wheel, before the current bucket, far in the future).
/// </summary>
public class CalendarQueueTests
{
    private const long Bucket = 1L << 20;

    /// <summary>One step of a schedule: pop (when <c>Pop</c>) or push an item <c>Delta</c> after the last popped time.</summary>
    public sealed record Move(bool Pop, long Delta);

    private static Gen<long> Deltas { get; } = Gen.OneOf(
        Gen.Constant(0L),                                   // ties with the clock
        Gen.Choose(0, 3).Select(x => (long)x),              // ties among themselves
        Gen.Choose(1, 700_000).Select(x => (long)x),        // arrivals and deliveries: same or next bucket
        Gen.Choose(0, 5000).Select(x => (x * Bucket) + x),   // wake-ups across the wheel and past it
        Gen.Choose(1, 8).Select(x => x * Bucket),           // exact bucket boundaries
        Gen.Choose(4090, 4100).Select(x => x * Bucket),     // the wheel's edge
        Gen.Choose(-3, -1).Select(x => x * Bucket / 2),     // before the current bucket (times behind the clock)
        Gen.Choose(0, 1000).Select(x => x * 1_000_000_000L)); // far ahead

    private static Gen<Move> Moves { get; } = Gen.Frequency(
        (2, Gen.Constant(new Move(true, 0))),
        (3, Deltas.Select(d => new Move(false, d))));

    [Property(MaxTest = 500, Arbitrary = new[] { typeof(Schedules) })]
    public bool Pops_in_the_same_order_as_the_heap(Move[] schedule)
    {
        var reference = new EventQueue();
        var calendar = new CalendarQueue();
        long order = 0;
        long clock = 0;
        foreach (var step in schedule)
        {
            if (!Same(reference, calendar))
            {
                return false;
            }

            if (step.Pop)
            {
                if (reference.Count == 0)
                {
                    continue;
                }

                var expected = reference.Pop();
                var actual = calendar.Pop();
                if (expected.Time != actual.Time || expected.Order != actual.Order || expected.Payload != actual.Payload)
                {
                    return false;
                }

                clock = actual.Time;
            }
            else
            {
                var item = new ScheduledItem { Time = Math.Max(0, clock + step.Delta), Order = order, Payload = order * 7, Kind = ItemKind.Wake };
                order++;
                reference.Push(in item);
                calendar.Push(in item);
            }
        }

        // Drain: the rest comes out in the same order too.
        while (reference.Count > 0)
        {
            if (!Same(reference, calendar) || reference.Pop().Order != calendar.Pop().Order)
            {
                return false;
            }
        }

        return calendar.Count == 0;
    }

    [Fact]
    public void Ties_pop_in_scheduling_order_across_the_wheel_and_the_far_heap()
    {
        var calendar = new CalendarQueue();
        long[] times = [5 * Bucket, 5000 * Bucket, 3, 5000 * Bucket, 3, 5 * Bucket, 0, 10_000 * Bucket];
        for (int i = 0; i < times.Length; i++)
        {
            calendar.Push(new ScheduledItem { Time = times[i], Order = i });
        }

        var popped = new List<long>();
        while (calendar.Count > 0)
        {
            popped.Add(calendar.Pop().Order);
        }

        Assert.Equal([6, 2, 4, 0, 5, 1, 3, 7], popped);
    }

    [Fact]
    public void An_item_pushed_before_the_current_bucket_comes_out_first()
    {
        var calendar = new CalendarQueue();
        calendar.Push(new ScheduledItem { Time = 10 * Bucket, Order = 0 });
        Assert.Equal(10 * Bucket, calendar.PeekTime); // moves bucket 10 into the current heap
        calendar.Push(new ScheduledItem { Time = 2 * Bucket, Order = 1 });
        calendar.Push(new ScheduledItem { Time = 11 * Bucket, Order = 2 });
        Assert.Equal(1, calendar.Pop().Order);
        Assert.Equal(0, calendar.Pop().Order);
        Assert.Equal(2, calendar.Pop().Order);
        Assert.Equal(0, calendar.Count);
    }

    /// <summary>FsCheck's source of schedules.</summary>
    public static class Schedules
    {
        public static Arbitrary<Move[]> Arbitrary() => Moves.ArrayOf().ToArbitrary();
    }

    private static bool Same(EventQueue reference, CalendarQueue calendar) =>
        reference.Count == calendar.Count && (reference.Count == 0 || reference.PeekTime == calendar.PeekTime);
}
