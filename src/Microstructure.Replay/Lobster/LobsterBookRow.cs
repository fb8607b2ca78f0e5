namespace Microstructure.Replay.Lobster;

/// <summary>
/// One row of a LOBSTER orderbook file: the top <see cref="Levels"/> levels of each side after a message. Empty
/// levels (size 0; LOBSTER writes price ±9999999999) are not counted in <see cref="AskCount"/>/<see cref="BidCount"/>.
/// </summary>
internal sealed class LobsterBookRow(int levels)
{
    /// <summary>Levels per side in the file.</summary>
    public int Levels { get; } = levels;

    /// <summary>Ask prices, best first (dollars × 10,000).</summary>
    public long[] AskPrices { get; } = new long[levels];

    /// <summary>Ask sizes, best first.</summary>
    public long[] AskSizes { get; } = new long[levels];

    /// <summary>Bid prices, best first.</summary>
    public long[] BidPrices { get; } = new long[levels];

    /// <summary>Bid sizes, best first.</summary>
    public long[] BidSizes { get; } = new long[levels];

    /// <summary>Non-empty ask levels.</summary>
    public int AskCount { get; internal set; }

    /// <summary>Non-empty bid levels.</summary>
    public int BidCount { get; internal set; }

    /// <summary>Line of the orderbook file this row came from.</summary>
    public long Line { get; internal set; }

    /// <summary>Prices of one side, best first.</summary>
    /// <param name="side">The side.</param>
    /// <returns>The price array.</returns>
    public long[] Prices(Engine.Side side) => side == Engine.Side.Buy ? BidPrices : AskPrices;

    /// <summary>Sizes of one side, best first.</summary>
    /// <param name="side">The side.</param>
    /// <returns>The size array.</returns>
    public long[] Sizes(Engine.Side side) => side == Engine.Side.Buy ? BidSizes : AskSizes;

    /// <summary>Non-empty levels of one side.</summary>
    /// <param name="side">The side.</param>
    /// <returns>The count.</returns>
    public int Count(Engine.Side side) => side == Engine.Side.Buy ? BidCount : AskCount;
}
