using System.Globalization;
using Microstructure.Engine;
using Microstructure.Replay.Io;
using Microstructure.Replay.L2;
using Microstructure.Replay.Output;
using Microstructure.Replay.Processing;

namespace Microstructure.Replay.Tardis;

/// <content>Book batches and snapshot runs, the snapshot check, trades, liquidations, tickers, injections.</content>
internal sealed partial class TardisSession<TProcessor>
{
    /// <summary>
    /// Applies the next message: a run of is_snapshot rows (a full snapshot: the book is reset to it, as deltas),
    /// or the incremental rows sharing one local_timestamp.
    /// </summary>
    private void ApplyBookBatch()
    {
        _batch.Clear();
        _batchLines.Clear();
        var snapshot = _nextRow.IsSnapshot;
        var local = _nextRow.LocalTimeNs;
        do
        {
            L2Book<TProcessor>.CheckPrice(_spec, _nextRow.Price, _updates.Name, _updates.LineNumber, _tick.Format);
            _batch.Add(new LevelUpdate(_nextRow.Side, _nextRow.Price, _nextRow.Amount));
            _batchLines.Add(_updates.LineNumber);
            _haveRow = Read(_updates, () => _updates.TryRead(out _nextRow));
        }
        while (_haveRow && _nextRow.IsSnapshot == snapshot && (snapshot || _nextRow.LocalTimeNs == local));

        if (snapshot)
        {
            if (!_book.ApplySnapshot(_batch, _updates.Name, _batchLines[0]))
            {
                Reject(new ReplayInputException(_updates.Name, _batchLines[0], $"crossed snapshot (rows {_batchLines[0]}-{_batchLines[^1]}): best bid >= best ask; the snapshot was not applied", InputErrorKind.CrossedBook));
                return;
            }

            _report.SnapshotResets++;
            _report.MessagesApplied += _batch.Count;
            return;
        }

        var (first, crossed) = _book.ApplyBatch(_batch, _updates.Name, _batchLines[0]);
        _report.MessagesApplied += _batch.Count - crossed;
        if (crossed > 0)
        {
            var u = _batch[first];
            var side = u.Side == Side.Buy ? "bid" : "ask";
            Reject(new ReplayInputException(_updates.Name, _batchLines[first], $"crossed book: {side} {_tick.Format(u.Price)} would cross the opposite best level; update not applied", InputErrorKind.CrossedBook), crossed);
        }
    }

    private void Reject(ReplayInputException error, int count = 1)
    {
        if (!_options.Lenient)
        {
            throw error;
        }

        for (var i = 0; i < count; i++)
        {
            _report.Skipped.Record(error);
        }
    }

    private void CheckSnapshot()
    {
        if (!_report.Validated)
        {
            return;
        }

        var row = _snapshotRow!;
        _report.TransitionsChecked++;
        var mismatch = _book.Compare(row.Asks, row.Bids, row.Depth, _tick.Format);
        if (mismatch is not null)
        {
            _report.TransitionsMismatched++;
            _report.FirstMismatch ??= $"{_snapshots!.Name}:{row.Line}: {mismatch}";
        }
    }

    private void RecordTrade(in TardisTrade trade, bool liquidation)
    {
        if (liquidation)
        {
            _report.Liquidations++;
        }
        else
        {
            _report.HistoricalTrades++;
            _report.HistoricalTradeLots += trade.Amount;
        }

        _book.Live.Recorder.Write(new TapeRow
        {
            Sequence = _book.Live.Sequence, TimeNs = trade.TimeNs, Event = liquidation ? TapeEvent.Liquidation : TapeEvent.Trade,
            Side = trade.Side, Price = trade.Price, Quantity = trade.Amount, Detail = "historical",
        });
        var update = new MarketDataUpdate
        {
            Kind = liquidation ? MarketDataKind.Liquidation : MarketDataKind.Trade, Timestamp = new Timestamp(trade.TimeNs),
            Side = trade.Side, Price = new Price(trade.Price), Quantity = new Quantity(trade.Amount),
        };
        _book.Live.OnMarketData(in update);
    }

    private void RecordTicker()
    {
        _report.TickerUpdates++;
        _book.Live.Recorder.Write(new TapeRow
        {
            Sequence = _book.Live.Sequence, TimeNs = _tickerRow.Timestamp.Nanoseconds, Event = TapeEvent.Mark, Price = _tickerRow.MarkPrice.Ticks,
            Quantity = _tickerRow.Quantity.Lots,
            Detail = string.Create(CultureInfo.InvariantCulture, $"index={_tickerRow.IndexPrice.Ticks};last={_tickerRow.Price.Ticks};funding_e8={_tickerRow.FundingRateE8}"),
        });
        _book.Live.OnMarketData(in _tickerRow);
    }

    private void DeliverInjections(long time) => _book.DeliverInjections(_options.Injections, ref _nextInjection, time, _spec, _tick.Format);

    private ReplayReport Finish() => _book.Finish(_report);
}
