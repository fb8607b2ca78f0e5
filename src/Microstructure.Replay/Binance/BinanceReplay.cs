using Microstructure.Engine;
using Microstructure.Replay.Output;
using Microstructure.Replay.Population;
using Microstructure.Replay.Processing;

namespace Microstructure.Replay.Binance;

/// <summary>
/// Replays Binance USDⓈ-M depth: a REST snapshot plus the diff stream, with the update-id rules (drop u &lt;
/// lastUpdateId, the first event straddles lastUpdateId, every pu continues the previous u); a gap is reported
/// and resynced from the next snapshot that lies beyond it.
/// </summary>
public static class BinanceReplay
{
    /// <summary>
    /// Replays into the matching engine alone or, when <see cref="BinanceReplayOptions.Population"/> is set, through the risk
    /// layer's exchange with that leveraged population (its report in <see cref="ReplayReport.Population"/>).
    /// </summary>
    /// <param name="options">Files and settings.</param>
    /// <param name="tape">Where to write the tape, or null.</param>
    /// <param name="observer">Sees every exchange event in order (only with a population; e.g. a run recorder), or null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="Io.ReplayInputException">Bad input (not in lenient mode, or structural), or a population the source cannot serve.</exception>
    public static ReplayReport Run(BinanceReplayOptions options, IReplayTape? tape = null, IPopulationObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return PopulationReplay.Run(options.Population, options.Validate, tickerAvailable: false, observer, create => Run(options, tape, create), create => Run(options, tape, create));
    }

    /// <summary>Replays into any business logic built around the engine.</summary>
    /// <typeparam name="TProcessor">The business logic.</typeparam>
    /// <param name="options">Files and settings.</param>
    /// <param name="tape">Where to write the tape, or null.</param>
    /// <param name="createProcessor">Builds the processor (and its engine) for the instrument and order capacity the replay derives from the data.</param>
    /// <returns>The report.</returns>
    internal static ReplayReport Run<TProcessor>(BinanceReplayOptions options, IReplayTape? tape, Func<InstrumentSpec, int, TProcessor> createProcessor)
        where TProcessor : struct, IReplayProcessor
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createProcessor);
        return new BinanceSession<TProcessor>(options, tape, createProcessor).Run();
    }
}
