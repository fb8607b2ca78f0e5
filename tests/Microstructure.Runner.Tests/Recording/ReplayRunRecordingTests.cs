using Microstructure.Runner.Recording;

namespace Microstructure.Runner.Tests.Recording;

public sealed class ReplayRunRecordingTests
{
    [Fact]
    public void A_replay_that_emitted_no_exchange_event_records_nothing_and_creates_no_directory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ms-replay-rec-" + Guid.NewGuid().ToString("N"));
        using var recording = new ReplayRunRecording(dir, "empty");

        Assert.Null(recording.Complete(CancellationToken.None));
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void An_event_before_the_replay_handed_over_its_exchange_is_a_programming_error()
    {
        using var recording = new ReplayRunRecording(Path.Combine(Path.GetTempPath(), "never"), "x");

        Assert.Throws<InvalidOperationException>(() => recording.OnEvent(default));
    }
}
