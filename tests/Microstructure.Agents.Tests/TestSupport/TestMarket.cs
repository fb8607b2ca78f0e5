using Microstructure.Agents.Market;
using Microstructure.Agents.Randomness;
using Microstructure.Risk.Lending;
using Microstructure.Risk.Margin;

namespace Microstructure.Agents.Tests.TestSupport;

/// <summary>A BTCUSDT-like market: 0.1 ticks, 0.001 lots (k = 10,000 cash units per tick-lot), price 50,000 = 500,000 ticks.</summary>
internal static class TestMarket
{
    public const long Price = 500_000;
    public const long K = 10_000;

    public static readonly InstrumentSpec Instrument = new("BTCUSDT", 0.1m, 0.001m, new Price(1), new Price(100_000_000), new Quantity(1_000_000_000));

    public static readonly MarketRules Rules = new(Instrument, K, 0.0004, 0.0002, 0.01, BracketTable.BinanceBtcUsdt2021, new LendingPoolOptions(), Price);

    public static MarketSnapshot Quotes(long bid, long ask, long index = Price, double shortVol = 0, double longVol = 0) =>
        new(0, bid, 10, ask, 10, (bid + ask) / 2, (bid + ask) / 2, index, 0, shortVol, longVol);

    public static AgentSetup Setup(long account = 7, int seed = 1) => new(account, "test", 0, SimRandom.ForStream(seed, account));

    public static long Cash(decimal quote) => FixedPoint.ToCash(quote);
}
