using System.Diagnostics;

namespace Microstructure.Engine.Matching;

/// <content>
/// The book's invariants, checked after every command in Debug builds (the tests run once in Debug in CI so that
/// they fire); the call compiles away in Release, so the hot path pays nothing.
/// </content>
public sealed partial class MatchingEngine
{
    /// <summary>
    /// How many levels per side the Debug check walks from the best: matching touches the top of the book, and
    /// walking every level of a deep book after every command would make the Debug test run quadratic.
    /// </summary>
    private const int CheckedLevels = 8;

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        int bid = _bids.BestLevel;
        int ask = _asks.BestLevel;
        Debug.Assert(
            bid < 0 || ask < 0 || _bids.Level(bid).Price < _asks.Level(ask).Price,
            "the book is crossed after a command");
        AssertLevels(_bids, Side.Buy);
        AssertLevels(_asks, Side.Sell);
    }

    private void AssertLevels(BookSide book, Side side)
    {
        int checkedLevels = 0;
        for (int li = book.BestLevel; li >= 0 && checkedLevels < CheckedLevels; li = book.NextLevel(li), checkedLevels++)
        {
            ref var level = ref book.Level(li);
            long open = 0;
            long visible = 0;
            int count = 0;
            for (int ni = level.Head; ni >= 0; ni = _nodes[ni].Next)
            {
                ref var node = ref _nodes[ni];
                Debug.Assert(node.State == NodeState.Resting && node.Side == side && node.Price == level.Price, "a queued order is not resting on its own level");
                Debug.Assert(node.Visible > 0 && node.Visible <= node.Open, "a resting order shows nothing or more than it has");
                open += node.Open;
                visible += node.Visible;
                count++;
            }

            Debug.Assert(count > 0, "an empty level is still in the book");
            Debug.Assert(open == level.Open && visible == level.Visible && count == level.Count, "a level's totals differ from the sum of its orders");
        }
    }
}
