using Microstructure.Replay.Injection;
using Microstructure.Replay.Io;
using Microstructure.Replay.Lobster;
using Microstructure.Replay.Population;

namespace Microstructure.Runner.Tests.TestSupport;

/// <summary>The shipped AAPL sample, its leveraged population and its price shock (data/lobster, data/populations).</summary>
internal static class AaplReplay
{
    public static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    public static string Messages => Data("lobster", "AAPL_2012-06-21_34200000_57600000_message_10.csv");

    public static string Book => Data("lobster", "AAPL_2012-06-21_34200000_57600000_orderbook_10.csv");

    /// <summary>The options of <c>micro replay lobster</c> on the sample; with the population and the shock when asked.</summary>
    public static LobsterReplayOptions Options(bool population)
    {
        var units = new SourceUnits(TimeFormat.Seconds, DecimalUnit.From(1m), DecimalUnit.From(1m));
        return new LobsterReplayOptions
        {
            MessagesPath = Messages,
            BookPath = Book,
            Population = population ? PopulationSpecReader.Read(Data("populations", "aapl-longs.json"), units, null) : null,
            Injections = population ? InjectionFileReader.Read(Data("populations", "aapl-shock.csv"), units) : [],
        };
    }
}
