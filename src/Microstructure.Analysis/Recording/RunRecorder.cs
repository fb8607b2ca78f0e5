using Microstructure.Risk.Warning;
using Microstructure.Analysis.Plots;
using Microstructure.Risk;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// Records one run into a run directory. Feed it every <see cref="ExchangeEvent"/> of the run in order
/// (<see cref="OnEvent"/>, on one thread), then call <see cref="Complete()"/>: it writes the analysis tables, the plots,
/// summary.json and report.md and returns the <see cref="RunSummary"/>. The tape tables stream to disk as the run
/// goes (memory bounded by one row group per table); what stays in memory grows with the number of mid changes
/// (16 bytes each), aggressive orders (~100 bytes) and liquidations (~400 bytes). Layout and every column:
/// docs/outputs.md.
/// </summary>
/// <remarks>
/// Disposing without <see cref="Complete()"/> (a failed run) closes the tape files so that what was written stays
/// readable; a cancelled run calls <see cref="CloseCancelled"/>, which also writes summary.json marked cancelled.
/// Every IO failure is a <see cref="RunOutputException"/> naming the path.
/// </remarks>
public sealed class RunRecorder : IExchangeEventObserver, IDisposable
{
    private readonly RunDirectory _directory;
    private readonly RecordedRunInfo _info;
    private readonly RecorderOptions _options;
    private readonly long _k;
    private readonly TapeUnits _units;
    private readonly TapeWriters _tapes;
    private readonly AccountLedger _ledger;
    private readonly LiquidationTracker _liquidations;
    private readonly TakerOrderTracker _orders = new();
    private readonly DepthTracker _depth;
    private readonly GrowableSeries _mid = new();
    private readonly FundTracker _fund;
    private readonly LiquidationMapSeries _map = new();
    private long _now;
    private long _sequence = long.MinValue;
    private long _l1Mid;
    private readonly ReferenceMid _reference = new();
    private readonly MarginChangeTracker? _marginChanges;
    private long _nextSnapshotNs;
    private long _events;
    private long _commands;
    private long _badDebt;
    private long _poolBadDebt;
    private long _adlCount;
    private long _adlLots;
    private long _fundDeposits;
    private readonly FundTracker _vault;
    private long _hedgeNotional;
    private long _hedgePnl;
    private long _hedgeCosts;
    private readonly int[] _hedged;
    private readonly bool[] _isHedged;
    private readonly FundTracker _makers;
    private long _makerHedgeNotional;
    private long _makerHedgePnl;
    private long _makerHedgeCosts;
    private long _makerDeposits;
    private long _makerLiquidations;
    private bool _completed;
    private bool _disposed;

    private RunRecorder(RunDirectory directory, RecordedRunInfo info, RecorderOptions options)
    {
        _directory = directory;
        _info = info;
        _options = options;
        _k = info.CashPerTickLot;
        _units = TapeUnits.Of(info);
        _ledger = new AccountLedger(_k, info.InsuranceFundAccountId);
        _liquidations = new LiquidationTracker(_k, info.AccountLabels);
        _fund = new FundTracker(_k);
        _vault = new FundTracker(_k);
        _makers = new FundTracker(_k);
        _hedged = [.. info.HedgedAccounts.Select(a => (int)a)];
        _isHedged = new bool[_hedged.Length == 0 ? 0 : _hedged[^1] + 1];
        foreach (int a in _hedged)
        {
            _isHedged[a] = true;
        }
        _depth = new DepthTracker(info.StartNs, info.EndNs, options.DepthHeatmapBuckets, options.DepthBandFraction);
        _marginChanges = info.ChangesMargins ? new MarginChangeTracker(info.StartNs) : null;
        _now = info.StartNs;
        _nextSnapshotNs = info.StartNs + options.AccountSnapshotIntervalNs;
        _tapes = new TapeWriters(directory.Tape, options.Formats, options.RowGroupSize, _units);
    }

    /// <summary>The run directory (absolute path).</summary>
    public string Directory => _directory.Root;

    /// <summary>Events consumed so far.</summary>
    public long EventCount => _events;

    /// <summary>
    /// Checks the run facts and options, creates <paramref name="directory"/> (it must not exist or be empty) with its
    /// tape/, analysis/ and plots/ folders, and opens the tape tables.
    /// </summary>
    /// <exception cref="ArgumentException">A run-info field or option is invalid (the message names it).</exception>
    /// <exception cref="RunOutputException">The directory holds files or cannot be written (the message names the path).</exception>
    public static RunRecorder Create(string directory, RecordedRunInfo info, RecorderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        options ??= RecorderOptions.Default;
        info.Validate();
        options.Validate();
        RunDirectory run = RunDirectory.Prepare(directory, RunDirectory.TapeFolder, RunDirectory.AnalysisFolder, RunDirectory.PlotsFolder);
        return new RunRecorder(run, info, options);
    }

    /// <summary>Consumes the next event of the run (in emission order). No allocation except when a table batch is written.</summary>
    /// <exception cref="InvalidOperationException">The recorder is completed or disposed.</exception>
    public void OnEvent(in ExchangeEvent e)
    {
        if (_completed || _disposed)
        {
            ThrowHelper.ThrowInvalidOperation("The run recorder is completed or disposed; it takes no more events.");
        }

        _events++;
        // One monotone clock for the analysis: a command stamped earlier than the previous one does not go back in time.
        _now = Math.Max(_now, e.Engine.Timestamp.Nanoseconds);
        if (e.Engine.CommandSequence != _sequence)
        {
            _orders.OnCommandEnd(_l1Mid);
            _sequence = e.Engine.CommandSequence;
            _commands++;
            DrainRiskSnapshots(_sequence);
        }

        if (_depth.IsPending && (e.Type != ExchangeEventType.L2Level || e.Engine.CommandSequence != _depth.PendingSequence))
        {
            _tapes.DepthSnapshot(_depth.Finish());
        }

        if (_now >= _nextSnapshotNs)
        {
            // The state before this event is the state that held at the last boundary it crossed.
            long boundary = _nextSnapshotNs + ((_now - _nextSnapshotNs) / _options.AccountSnapshotIntervalNs * _options.AccountSnapshotIntervalNs);
            if (boundary < _info.EndNs || _info.EndIsLastEvent)
            {
                SnapshotAccounts(boundary);
            }

            // A boundary at (or past) the end is left to Complete, which snapshots once after every event: events
            // stamped exactly at the end time would otherwise give two rows per account at that time.
            _nextSnapshotNs = boundary + _options.AccountSnapshotIntervalNs;
        }

        long fundDelta = _ledger.Apply(in e);
        if (_info.InsuranceFundAccountId >= 0)
        {
            _fund.Observe(_now, _ledger.FundCash, _ledger.FundLots, _ledger.Mark);
        }

        if (_info.Hedging && _info.VaultAccountId >= 0 && _info.VaultAccountId < _ledger.Count)
        {
            int vault = (int)_info.VaultAccountId;
            _vault.Observe(_now, _ledger.CashOf(vault), _ledger.LotsOf(vault), _ledger.Mark);
        }

        if (_hedged.Length > 0)
        {
            ObserveMakers();
        }

        Record(in e);
        if (e.LiquidationId != 0 && e.Type is not (ExchangeEventType.LiquidationTriggered or ExchangeEventType.PoolLiquidation))
        {
            _liquidations.OnTagged(in e, _now, _l1Mid, fundDelta);
        }
    }

    /// <summary>
    /// Ends the run: the last account snapshot (at the end time, after every event), the tape files closed, then the
    /// analysis tables, plots, summary.json and report.md. Returns the run's headline numbers.
    /// </summary>
    /// <exception cref="RunOutputException">A file could not be written (the tapes written so far stay).</exception>
    public RunSummary Complete() => Complete(CancellationToken.None);

    /// <summary>
    /// <see cref="Complete()"/>, stopping the analysis once <paramref name="cancellationToken"/> is cancelled: it is
    /// looked at before the analysis, after it and after each table and plot. A cancelled end keeps what was written
    /// (the tapes are whole), writes summary.json marked <c>"status": "cancelled"</c>, <c>"cancelled_during":
    /// "analysis"</c> (docs/outputs.md §6), no report.md, and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops the analysis between its steps.</param>
    /// <returns>The run's headline numbers.</returns>
    /// <exception cref="RunOutputException">A file could not be written (the tapes written so far stay).</exception>
    /// <exception cref="OperationCanceledException">Cancelled (summary.json says so).</exception>
    public RunSummary Complete(CancellationToken cancellationToken)
    {
        if (_completed || _disposed)
        {
            ThrowHelper.ThrowInvalidOperation("The run recorder is already completed or disposed.");
        }

        _completed = true;
        if (_depth.IsPending)
        {
            _tapes.DepthSnapshot(_depth.Finish());
        }

        _orders.OnCommandEnd(_l1Mid);
        DrainRiskSnapshots(long.MaxValue);
        long end = Math.Max(_info.EndNs, _now);
        SnapshotAccounts(end);
        RunCounts counts = Counts();
        _tapes.Dispose();

        var run = new RecordedRun
        {
            Info = _info with { Shocks = RecordedShock.WithFilledNotional(_info.Shocks, _orders.Orders) },
            Options = _options,
            Directory = _directory,
            CashPerTickLot = _k,
            EndNs = end,
            Mid = _mid.ToStepSeries(end),
            Depth = _depth.Series.ToStepSeries(end),
            DepthTracker = _depth,
            Liquidations = _liquidations.All,
            Records = _liquidations.Records(),
            Orders = _orders.Orders,
            Volume = _orders.Volume,
            Counts = counts,
            BadDebt = _badDebt,
            PoolBadDebt = _poolBadDebt,
            AdlCount = _adlCount,
            AdlLots = _adlLots,
            FundDeposits = _fundDeposits,
            FundEnd = _ledger.FundCash,
            Held = _ledger.HeldAtMark(_info.VaultAccountId),
            FundEquity = _fund.Equity(end),
            FundPosition = _fund.Position(end),
            LiquidationMap = _map,
            Hedge = _info.Hedging ? new HedgeSummary(_hedgeNotional, _hedgePnl, _hedgeCosts, _fund.MaxDrawdown, _vault.MaxDrawdown) : null,
            MarginChanges = _marginChanges?.Summary(end),
            MarketMakerHedge = _hedged.Length > 0
                ? new MarketMakerHedgeSummary(_hedged.Length, _makerHedgeNotional, _makerHedgePnl, _makerHedgeCosts, MakersEquity() - _makerDeposits, _makers.MaxDrawdown, _makerLiquidations)
                : null,
        };
        return RunOutputs.Write(run, cancellationToken);
    }

    /// <summary>
    /// Ends a run stopped before its end (cancelled): the pending depth row is written, the tape files are closed
    /// (whole rows, Parquet footers) and summary.json says <c>"status": "cancelled"</c>, <c>"cancelled_during":
    /// "run"</c>, with <c>end_ns</c> the time of the last event recorded, the row counts and the files
    /// (docs/outputs.md §6). No analysis, plots or report.md, and no final account snapshot: the tapes hold exactly
    /// what the run did until it stopped.
    /// </summary>
    /// <exception cref="InvalidOperationException">The recorder is already completed or disposed.</exception>
    /// <exception cref="RunOutputException">A file could not be written.</exception>
    public void CloseCancelled()
    {
        if (_completed || _disposed)
        {
            ThrowHelper.ThrowInvalidOperation("The run recorder is already completed or disposed.");
        }

        _completed = true;
        if (_depth.IsPending)
        {
            _tapes.DepthSnapshot(_depth.Finish());
        }

        RunCounts counts = Counts();
        _tapes.Dispose();
        var info = _info with { Shocks = RecordedShock.WithFilledNotional(_info.Shocks, _orders.Orders) };
        RunOutputs.WriteCancelled(
            _directory,
            info,
            _k,
            _now,
            counts,
            "run",
            TableFiles.Existing(_directory.Tape, TapeWriters.Names, _options.Formats),
            []);
    }

    /// <summary>Closes the tape files if the run was not completed (a partial run keeps what was written).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _tapes.Dispose();
    }

    private void AddHedge(in ExchangeEvent e, ref long pnl, ref long costs, ref long notional)
    {
        if (e.FundReason == FundMovementReason.HedgePnl)
        {
            pnl += e.Amount;
        }
        else if (e.FundReason == FundMovementReason.HedgeCost)
        {
            costs -= e.Amount;
            notional += e.Engine.Quantity.Lots * e.Engine.Price.Ticks * _k;
        }
    }

    private bool IsHedged(long account) => account >= 0 && account < _isHedged.Length && _isHedged[account];

    /// <summary>The hedged makers' summed cash and position, marked (their equity's curve and drawdown).</summary>
    private void ObserveMakers()
    {
        long cash = 0, lots = 0;
        foreach (int a in _hedged)
        {
            if (a < _ledger.Count)
            {
                cash += _ledger.CashOf(a);
                lots += _ledger.LotsOf(a);
            }
        }

        _makers.Observe(_now, cash, lots, _ledger.Mark);
    }

    private long MakersEquity()
    {
        long equity = 0;
        foreach (int a in _hedged)
        {
            equity += a < _ledger.Count ? _ledger.EquityOf(a) : 0;
        }

        return equity;
    }

    private void Record(in ExchangeEvent e)
    {
        _marginChanges?.OnEvent(in e, _now);
        switch (e.Type)
        {
            case ExchangeEventType.Trade:
                _tapes.Trade(new TapeEvent(in e, _units));
                _orders.OnTrade(in e, _now, _l1Mid, _k);
                _reference.OnTrade(e.Engine.Price.Ticks);
                break;
            case ExchangeEventType.TopOfBook:
                _tapes.TopOfBookChange(new TapeEvent(in e, _units));
                OnTopOfBook(in e);
                break;
            case ExchangeEventType.L2Level:
                _depth.OnLevel(in e, _now, _l1Mid);
                break;
            case ExchangeEventType.LiquidationTriggered:
                _tapes.Liquidation(new TapeEvent(in e, _units));
                _makerLiquidations += IsHedged(e.Engine.AccountId) ? 1 : 0;
                _liquidations.OnTriggered(in e, _now, _l1Mid, _depth.LastDepth);
                break;
            case ExchangeEventType.PoolLiquidation:
                _tapes.Liquidation(new TapeEvent(in e, _units));
                _liquidations.OnPoolLiquidation(in e, _now, _l1Mid, _depth.LastDepth);
                break;
            case ExchangeEventType.AutoDeleverage:
                _tapes.AutoDeleverage(new TapeEvent(in e, _units));
                _adlCount++;
                _adlLots += e.Engine.Quantity.Lots;
                break;
            case ExchangeEventType.InsuranceFund:
                _tapes.FundMovement(new TapeEvent(in e, _units));
                if (IsHedged(e.Engine.AccountId))
                {
                    // A market maker's own hedge: its figures are the makers', not the fund's or the vault's.
                    AddHedge(in e, ref _makerHedgePnl, ref _makerHedgeCosts, ref _makerHedgeNotional);
                }
                else
                {
                    AddHedge(in e, ref _hedgePnl, ref _hedgeCosts, ref _hedgeNotional);
                }

                break;
            case ExchangeEventType.BadDebt:
                _tapes.FundMovement(new TapeEvent(in e, _units));
                _badDebt += e.Amount;
                break;
            case ExchangeEventType.Deposit or ExchangeEventType.Withdrawal when e.Engine.AccountId == _info.InsuranceFundAccountId:
                _fundDeposits += e.Type == ExchangeEventType.Deposit ? e.Amount : -e.Amount;
                break;
            case ExchangeEventType.Deposit or ExchangeEventType.Withdrawal when IsHedged(e.Engine.AccountId):
                _makerDeposits += e.Type == ExchangeEventType.Deposit ? e.Amount : -e.Amount;
                break;
            case ExchangeEventType.PoolBadDebt:
                _tapes.Liquidation(new TapeEvent(in e, _units));
                _poolBadDebt += e.Amount;
                break;
            default:
                if (LiquidationTapeRows.Holds(e.Type))
                {
                    _tapes.Liquidation(new TapeEvent(in e, _units));
                }

                break;
        }
    }

    private void OnTopOfBook(in ExchangeEvent e)
    {
        SetReferencePrice(e.Engine.BidPrice.Ticks, e.Engine.AskPrice.Ticks);
        _orders.OnTopOfBook(_l1Mid);
    }

    /// <summary>The analysis's mid (<see cref="ReferenceMid"/>) after a top-of-book change; a new value extends the mid series.</summary>
    private void SetReferencePrice(long bid, long ask)
    {
        _reference.OnTopOfBook(bid, ask);
        _l1Mid = _reference.Value;
        if (_l1Mid > 0 && (_mid.Count == 0 || _mid.LastValue != _l1Mid))
        {
            _mid.Add(_now, _l1Mid);
        }
    }

    private void SnapshotAccounts(long timeNs)
    {
        long mark = _ledger.Mark;
        for (int id = 0; id < _ledger.Count; id++)
        {
            if (!_ledger.IsKnown(id))
            {
                continue;
            }

            long lots = _ledger.LotsOf(id);
            _tapes.Account(new AccountSnapshot(
                timeNs,
                id,
                _info.AccountLabels.GetValueOrDefault(id, ""),
                lots,
                _ledger.CashOf(id),
                _ledger.CollateralOf(id),
                _ledger.DebtOf(id),
                _ledger.EquityOf(id),
                Math.Abs(lots) * mark * _k,
                _ledger.FeesOf(id),
                mark));
        }
    }

    private RunCounts Counts() => new(
        _events,
        _commands,
        _tapes.TradeRows,
        _tapes.TopOfBookRows,
        _tapes.DepthRows,
        _tapes.LiquidationRows,
        _tapes.AdlRows,
        _tapes.FundRows,
        _tapes.AccountRows);

    /// <summary>
    /// Writes the risk monitor's snapshots taken after commands before <paramref name="beforeSequence"/> — every
    /// event of their command has been seen — to tape/risk_monitor and tape/liquidation_map, and keeps their maps for
    /// the heatmap.
    /// </summary>
    private void DrainRiskSnapshots(long beforeSequence)
    {
        var monitor = _info.RiskMonitor;
        if (monitor is null)
        {
            return;
        }

        while (monitor.TryTake(beforeSequence, out var s))
        {
            _tapes.RiskSnapshot(s);
            int perSide = s.BucketsPerSide;
            for (int b = 0; b < s.LongBuckets.Length; b++)
            {
                if (s.LongBuckets[b] != 0 || s.ShortBuckets[b] != 0)
                {
                    _tapes.LiquidationMapBucket(new LiquidationMapCell(
                        s.TimeNs, s.Sequence, s.Mark, b - perSide, s.BucketLow(b), s.BucketLow(b + 1), s.LongBuckets[b], s.ShortBuckets[b]));
                }
            }

            _map.Add(s);
            monitor.Return(s);
        }
    }
}
