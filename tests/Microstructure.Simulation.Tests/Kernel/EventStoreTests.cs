using Microstructure.Simulation.Kernel;

namespace Microstructure.Simulation.Tests.Kernel;

/// <summary>The store inboxes point into: an event stays readable until read and released by every inbox holding it.</summary>
public class EventStoreTests
{
    [Fact]
    public void A_held_event_survives_the_ring_growing_and_reading_past_it()
    {
        var store = new EventStore(capacity: 4);
        store.Enqueue(Event(0));
        long held = store.NextIndex;
        store.Hold(held);
        store.MarkRead();

        // Far more events than the initial capacity, each read and dropped at once.
        for (long i = 1; i <= 100; i++)
        {
            store.Enqueue(Event(i));
            Assert.Equal(i, store.NextIndex);
            store.MarkRead();
        }

        Assert.Equal(0, store.Unread);
        Assert.Equal(0, store[held].Engine.CommandSequence);
        store.Release(held);
    }

    [Fact]
    public void Released_events_free_their_slots_oldest_first()
    {
        var store = new EventStore(capacity: 4);
        for (long i = 0; i < 4; i++)
        {
            store.Enqueue(Event(i));
            store.Hold(i);
            store.Hold(i); // two recipients
            store.MarkRead();
        }

        // Release out of order: nothing can go while event 0 is held, then everything at once.
        for (long i = 3; i >= 0; i--)
        {
            store.Release(i);
            store.Release(i);
        }

        // The ring did not need to grow: four new events fit in the four freed slots, the old ones intact until then.
        for (long i = 4; i < 8; i++)
        {
            store.Enqueue(Event(i));
        }

        Assert.Equal(4, store.Unread);
        for (long i = 4; i < 8; i++)
        {
            Assert.Equal(i, store[store.NextIndex].Engine.CommandSequence);
            store.MarkRead();
        }
    }

    [Fact]
    public void Inbox_keeps_entries_in_order_across_growth_with_a_wrapped_head()
    {
        var inbox = new Inbox();
        long next = 0;
        long expected = 0;
        for (; next < 5; next++)
        {
            inbox.Enqueue(next, 1000 + next);
        }

        for (; expected < 3; expected++)
        {
            Assert.Equal(expected, inbox.PeekIndex);
            inbox.Dequeue();
        }

        for (; next < 60; next++)
        {
            inbox.Enqueue(next, 1000 + next);
        }

        Assert.Equal(57, inbox.Count);
        for (; expected < 60; expected++)
        {
            Assert.Equal(expected, inbox.PeekIndex);
            Assert.Equal(1000 + expected, inbox.PeekTime);
            inbox.Dequeue();
        }

        Assert.Equal(0, inbox.Count);
    }

    private static ExchangeEvent Event(long sequence) =>
        new() { Type = ExchangeEventType.Accepted, Engine = new EngineEvent { CommandSequence = sequence } };
}
