using System.Globalization;
using Microstructure.Engine;
using Microstructure.Engine.Matching;
using Microstructure.Replay.Io;

namespace Microstructure.Replay.Lobster;

/// <content>
/// The window semantics: LOBSTER reports only events inside the top L levels, so a price that was outside the
/// previous row's window and is inside the new row's window is set from the row (net of recorded depletion); and
/// the validation of the book against the row.
/// </content>
internal sealed partial class LobsterSession<TProcessor>
{
    private void AdjustWindow()
    {
        AdjustSide(Side.Sell);
        AdjustSide(Side.Buy);
    }

    private void AdjustSide(Side side)
    {
        var prev = _prev!;
        var cur = _cur!;
        var levels = prev.Levels;
        if (prev.Count(side) < levels)
        {
            // The previous row showed the whole side: nothing was outside the window.
            return;
        }

        var ask = side == Side.Sell;
        var boundary = prev.Prices(side)[levels - 1];
        var bounded = cur.Count(side) == levels;
        var limit = bounded ? cur.Prices(side)[levels - 1] : 0;
        if (bounded && !Worse(limit, boundary, ask))
        {
            return;
        }

        var prices = cur.Prices(side);
        var sizes = cur.Sizes(side);
        for (var i = 0; i < cur.Count(side); i++)
        {
            if (Worse(prices[i], boundary, ask))
            {
                SetHistorical(side, prices[i], sizes[i]);
            }
        }

        // Levels the replayed book still has in the newly visible range but the row does not show are gone.
        var n = SnapshotDeep(side, bounded, limit);
        for (var j = 0; j < n; j++)
        {
            var price = _levels[j].Price.Ticks;
            if (!Worse(price, boundary, ask))
            {
                continue;
            }

            if (bounded && Worse(price, limit, ask))
            {
                break;
            }

            if (Array.IndexOf(prices, price, 0, cur.Count(side)) < 0)
            {
                SetHistorical(side, price, 0);
            }
        }
    }

    private static bool Worse(long price, long than, bool ask) => ask ? price > than : price < than;

    /// <summary>Snapshots the side deep enough to cover the range up to <paramref name="limit"/> (or all of it when unbounded).</summary>
    private int SnapshotDeep(Side side, bool bounded, long limit)
    {
        var engine = _book.Engine;
        while (true)
        {
            var n = engine.SnapshotL2(side, _levels);
            if (n < _levels.Length || (bounded && Worse(_levels[n - 1].Price.Ticks, limit, side == Side.Sell)))
            {
                return n;
            }

            _levels = new L2Level[_levels.Length * 2];
        }
    }

    /// <summary>Makes the historical liquidity at a price equal the row's total minus what simulated flow took there.</summary>
    private void SetHistorical(Side side, long price, long total)
    {
        var desired = Math.Max(0, total - _ledger.AtLevel(side, price));
        var have = _book.HistoricalAt(side, price);
        if (desired == have)
        {
            return;
        }

        _report.WindowAdjustments++;
        if (desired > have)
        {
            var reject = _book.AddHistorical(side, price, desired - have);
            if (reject != RejectReason.None)
            {
                throw new ReplayInputException(_bookReader!.Name, _cur!.Line, RejectText(reject, price), InputErrorKind.InvalidValue);
            }

            _report.WindowLotsAdded += desired - have;
        }
        else
        {
            _report.WindowLotsRemoved += _book.TakeHistorical(side, price, have - desired);
        }
    }

    /// <summary>Compares the top L levels of the book with the row; records the first difference precisely.</summary>
    private void Compare()
    {
        _report.TransitionsChecked++;
        var cur = _cur!;
        var levels = cur.Levels;
        foreach (var side in (ReadOnlySpan<Side>)[Side.Sell, Side.Buy])
        {
            var n = _book.Engine.SnapshotL2(side, _levels.AsSpan(0, levels));
            for (var i = 0; i < levels; i++)
            {
                var expectedPrice = i < cur.Count(side) ? cur.Prices(side)[i] : 0;
                var expectedSize = i < cur.Count(side) ? cur.Sizes(side)[i] : 0;
                var gotPrice = i < n ? _levels[i].Price.Ticks : 0;
                var gotSize = i < n ? _levels[i].Quantity.Lots : 0;
                if (expectedPrice != gotPrice || expectedSize != gotSize)
                {
                    _report.TransitionsMismatched++;
                    _report.FirstMismatch ??= string.Create(CultureInfo.InvariantCulture,
                        $"{_bookReader!.Name}:{cur.Line} (after message line {_messages.LineNumber}): {(side == Side.Sell ? "ask" : "bid")} level {i + 1}: expected {Level(expectedPrice, expectedSize)}, got {Level(gotPrice, gotSize)}");
                    return;
                }
            }
        }
    }

    private static string Level(long price, long size) => size == 0 ? "empty" : $"{FormatPrice(price)} x {size}";
}
