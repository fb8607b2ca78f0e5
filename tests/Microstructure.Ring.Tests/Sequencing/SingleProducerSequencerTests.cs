using Microstructure.Ring.Tests.TestSupport;

namespace Microstructure.Ring.Tests.Sequencing;

public class SingleProducerSequencerTests
{
    [Fact]
    public void Claiming_does_not_move_the_cursor_publishing_does()
    {
        var sequencer = new SingleProducerSequencer(8, new BusySpinWaitStrategy());
        Assert.Equal(0, sequencer.Next());
        Assert.Equal(3, sequencer.Next(3));
        Assert.Equal(-1, sequencer.Cursor);
        Assert.False(sequencer.IsAvailable(0));
        sequencer.Publish(1, 3);
        Assert.Equal(3, sequencer.Cursor);
        Assert.True(sequencer.IsAvailable(0));
        Assert.True(sequencer.IsAvailable(3));
        Assert.False(sequencer.IsAvailable(4));
    }

    [Fact]
    public void A_sequence_overwritten_on_a_later_lap_is_no_longer_available()
    {
        var sequencer = new SingleProducerSequencer(4, new BusySpinWaitStrategy());
        sequencer.Publish(sequencer.Next(4));
        Assert.True(sequencer.IsAvailable(0));
        sequencer.Publish(sequencer.Next());
        Assert.False(sequencer.IsAvailable(0));
        Assert.True(sequencer.IsAvailable(4));
    }

    [Fact]
    public void Next_waits_for_the_slowest_of_several_gating_sequences()
    {
        var sequencer = new SingleProducerSequencer(4, new BusySpinWaitStrategy());
        var fast = new Sequence();
        var slow = new Sequence();
        sequencer.AddGatingSequences(fast, slow);
        sequencer.Publish(sequencer.Next(4));
        fast.SetValue(3);

        var claim = new BackgroundCall<long>(() => sequencer.Next());
        Assert.False(claim.FinishesWithin(TimeSpan.FromMilliseconds(100)), "claimed past the slow consumer");
        Assert.Equal(-1, sequencer.GetMinimumSequence());
        slow.SetValue(0);
        Assert.Equal(4, claim.Result);
    }

    [Fact]
    public void Gating_sequence_added_late_starts_at_the_cursor()
    {
        var sequencer = new SingleProducerSequencer(8, new BusySpinWaitStrategy());
        sequencer.Publish(sequencer.Next(5));
        var late = new Sequence();
        sequencer.AddGatingSequences(late);
        Assert.Equal(4, late.Value);
        Assert.Equal(8, sequencer.GetRemainingCapacity());
    }

    [Fact]
    public void Highest_published_sequence_is_the_available_sequence()
    {
        var sequencer = new SingleProducerSequencer(8, new BusySpinWaitStrategy());
        Assert.Equal(6, sequencer.GetHighestPublishedSequence(2, 6));
    }
}
