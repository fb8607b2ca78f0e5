using Microstructure.Engine;
using Microstructure.Replay.Io;
using Microstructure.Replay.Output;
using Microstructure.Replay.Processing;

namespace Microstructure.Replay.Population;

/// <summary>Chooses a replay's business logic: the engine alone, or the risk layer's exchange with a leveraged population.</summary>
internal static class PopulationReplay
{
    /// <summary>Runs <paramref name="plain"/> without a population, else <paramref name="withPopulation"/>, and adds the population's report.</summary>
    /// <param name="population">The population, or null.</param>
    /// <param name="validate">Whether the replay validates against history (refused with a population: it changes the book by design).</param>
    /// <param name="tickerAvailable">Whether the source gives mark/index prices (Tardis derivative_ticker).</param>
    /// <param name="observer">Sees every exchange event; only with a population.</param>
    /// <param name="plain">Runs the replay into the engine alone.</param>
    /// <param name="withPopulation">Runs the replay into the exchange.</param>
    /// <returns>The report.</returns>
    public static ReplayReport Run(
        PopulationSpec? population,
        bool validate,
        bool tickerAvailable,
        IPopulationObserver? observer,
        Func<Func<InstrumentSpec, int, EngineProcessor>, ReplayReport> plain,
        Func<Func<InstrumentSpec, int, ExchangeProcessor>, ReplayReport> withPopulation)
    {
        if (population is null)
        {
            return observer is null
                ? plain(EngineProcessor.Create)
                : throw new ArgumentException("Exchange events exist only when the replay runs through the risk layer: set a population.", nameof(observer));
        }

        if (validate)
        {
            throw new ArgumentException("Validation compares the book with history; a population changes the book by design.", nameof(validate));
        }

        if (population.Mark is MarkSource.TickerMark or MarkSource.MedianOfThree && !tickerAvailable)
        {
            throw new ReplayInputException(population.Source, 0,
                $"mark: '{(population.Mark == MarkSource.TickerMark ? "ticker-mark" : "median-of-three")}' needs mark and index prices from a Tardis derivative_ticker file (--ticker); use 'mid' or 'last-trade'",
                InputErrorKind.InvalidValue);
        }

        ReplayExchange? exchange = null;
        var report = withPopulation((spec, maxOrders) =>
        {
            exchange = new ReplayExchange(population, spec, maxOrders, observer);
            observer?.OnStart(new PopulationSetup(exchange.Exchange, exchange.Accounts, population.Seed, population.Liquidation.Name));
            return exchange.Processor;
        });
        report.Population = exchange?.Report();
        return report;
    }
}
