using Microstructure.Replay.Lobster;
using Microstructure.Replay.Tests.TestSupport;

namespace Microstructure.Replay.Tests.Lobster;

public sealed class LobsterReplayTests
{
    [Fact]
    public void Aapl_sample_replays_with_998_transitions_checked_and_none_mismatched()
    {
        var report = LobsterReplay.Run(new LobsterReplayOptions
        {
            MessagesPath = TestData.LobsterMessages,
            BookPath = TestData.LobsterBook,
            Validate = true,
        });

        Assert.Null(report.FirstMismatch);
        Assert.Equal(998, report.TransitionsChecked);
        Assert.Equal(0, report.TransitionsMismatched);
        Assert.Equal(999, report.MessagesApplied);
        Assert.Equal(98, report.HistoricalTrades);
        Assert.Equal(61, report.HiddenTrades);
    }
}
