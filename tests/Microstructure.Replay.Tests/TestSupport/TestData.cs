namespace Microstructure.Replay.Tests.TestSupport;

/// <summary>Paths of the sample data copied next to the test assembly, and scratch files.</summary>
internal static class TestData
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "data");

    public static string LobsterMessages => Path.Combine(Root, "lobster", "AAPL_2012-06-21_34200000_57600000_message_10.csv");

    public static string LobsterBook => Path.Combine(Root, "lobster", "AAPL_2012-06-21_34200000_57600000_orderbook_10.csv");

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);
}
