using Microstructure.Engine;
using Microstructure.Replay.Output;
using Microstructure.Replay.Population;
using Microstructure.Replay.Processing;

namespace Microstructure.Replay.Tardis;

/// <summary>
/// Replays Tardis CSV (incremental_book_L2 with snapshot resets; optionally book_snapshot_N for validation, trades,
/// liquidations and derivative_ticker) as an L2 book, merged by local_timestamp, with optional injected orders.
/// </summary>
public static class TardisReplay
{
    /// <summary>
    /// Replays into the matching engine alone or, when <see cref="TardisReplayOptions.Population"/> is set, through the risk
    /// layer's exchange with that leveraged population (its report in <see cref="ReplayReport.Population"/>).
    /// </summary>
    /// <param name="options">Files and settings.</param>
    /// <param name="tape">Where to write the tape, or null.</param>
    /// <param name="observer">Sees every exchange event in order (only with a population; e.g. a run recorder), or null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="Io.ReplayInputException">Bad input (not in lenient mode, or structural), or a population the source cannot serve.</exception>
    public static ReplayReport Run(TardisReplayOptions options, IReplayTape? tape = null, IPopulationObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return PopulationReplay.Run(options.Population, options.Validate, options.TickerPath is not null, observer, create => Run(options, tape, create), create => Run(options, tape, create));
    }

    /// <summary>Replays into any business logic built around the engine.</summary>
    /// <typeparam name="TProcessor">The business logic.</typeparam>
    /// <param name="options">Files and settings.</param>
    /// <param name="tape">Where to write the tape, or null.</param>
    /// <param name="createProcessor">Builds the processor (and its engine) for the instrument and order capacity the replay derives from the data.</param>
    /// <returns>The report.</returns>
    internal static ReplayReport Run<TProcessor>(TardisReplayOptions options, IReplayTape? tape, Func<InstrumentSpec, int, TProcessor> createProcessor)
        where TProcessor : struct, IReplayProcessor
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createProcessor);
        using var session = new TardisSession<TProcessor>(options, tape, createProcessor);
        return session.Run();
    }
}
