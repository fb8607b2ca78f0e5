using Microstructure.Risk.Detection;
using Microstructure.Risk.Ledger;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Monitoring;

/// <summary>
/// The market-wide risk monitor: attached to an exchange (<c>Exchange.AttachMonitor</c>), it reads the exchange's
/// own state — the ledger's positions and the threshold indexes' liquidation prices — after the first command at or
/// past each interval boundary, on the business-logic thread, into a <see cref="PositionCopy"/>; a
/// <see cref="SnapshotCalculator"/> turns the copy into a <see cref="RiskSnapshot"/>, handed over in command order to
/// whoever reads the run (<see cref="TryTake"/>, any thread).
/// </summary>
/// <remarks>
/// <para>Where the snapshot is computed: with fewer trader positions than <see cref="RiskMonitorOptions.OffThreadFrom"/>
/// (default 50,000) on the business-logic thread right after the copy (tens of microseconds for the shipped scenarios'
/// ~2,000 accounts: no hand-over beats that); from there on, on a thread-pool thread, so the business-logic thread pays
/// only the copy (one pass, no division, no selection). At most two copies exist; when both wait for the calculator the
/// business-logic thread waits for one (bounded memory: 32 bytes per account each). docs/performance.md gives the
/// measured costs.</para>
/// <para>The snapshot depends only on the copy, so it is the same wherever it is computed, in both kernel modes. The
/// reader takes a snapshot when it has seen every event of its command — when an event of a later command arrives
/// (the snapshot is taken then if it is ready, else at a later call) — and at the end of the run, when
/// <see cref="TryTake"/> with <see cref="long.MaxValue"/> waits for the snapshots still being computed.</para>
/// </remarks>
public sealed class RiskMonitor
{
    private const int MaxCopies = 2;

    private readonly RiskMonitorOptions _options;
    private readonly RiskSnapshot _work;
    private readonly Queue<RiskSnapshot> _ready = new(64);
    private readonly Stack<RiskSnapshot> _free = new(64);
    private readonly Queue<PositionCopy> _pending = new(MaxCopies);
    private readonly Stack<PositionCopy> _spare = new(MaxCopies);
    private readonly object _gate = new();
    private AccountBook? _book;
    private BreachDetector? _detector;
    private MarginModel? _margin;
    private MarketState? _market;
    private SnapshotCalculator? _calculator;
    private bool[] _system = [];
    private int _copies;
    private bool _working;
    private Exception? _failure;
    private long _due = long.MinValue;

    /// <summary>Creates a monitor; attach it to one exchange before its first command.</summary>
    /// <param name="options">Interval and buckets; null = <see cref="RiskMonitorOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public RiskMonitor(RiskMonitorOptions? options = null)
    {
        _options = options ?? RiskMonitorOptions.Default;
        _options.Validate();
        _work = NewSnapshot();
        for (int i = 0; i < 16; i++)
        {
            _free.Push(NewSnapshot());
        }
    }

    /// <summary>The options.</summary>
    public RiskMonitorOptions Options => _options;

    /// <summary>Snapshots taken so far.</summary>
    public long Taken { get; private set; }

    /// <summary>
    /// The oldest snapshot not yet taken whose command sequence is below <paramref name="beforeSequence"/> (use
    /// <see cref="long.MaxValue"/> at the end of the run: it waits for the snapshots still being computed). Give it
    /// back with <see cref="Return"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Computing a snapshot off-thread failed (the inner exception says why).</exception>
    public bool TryTake(long beforeSequence, out RiskSnapshot snapshot)
    {
        lock (_gate)
        {
            while (beforeSequence == long.MaxValue && _pending.Count > 0 && _failure is null)
            {
                Monitor.Wait(_gate);
            }

            ThrowIfFailed();
            if (_ready.Count > 0 && _ready.Peek().Sequence < beforeSequence)
            {
                snapshot = _ready.Dequeue();
                return true;
            }
        }

        snapshot = null!;
        return false;
    }

    /// <summary>Gives a snapshot from <see cref="TryTake"/> back to the pool.</summary>
    public void Return(RiskSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            _free.Push(snapshot);
        }
    }

    /// <summary>Binds the monitor to an exchange's parts (once).</summary>
    internal void Bind(AccountBook book, BreachDetector detector, MarginModel margin, MarketState market, long cashPerTickLot)
    {
        if (_book is not null)
        {
            throw new InvalidOperationException("This risk monitor is already attached to an exchange.");
        }

        _book = book;
        _detector = detector;
        _margin = margin;
        _market = market;
        _calculator = new SnapshotCalculator(_options, margin, cashPerTickLot, book.Count);
        _system = PositionCopy.SystemAccounts(book);
        _spare.Push(new PositionCopy(_system));
        _copies = 1;
    }

    /// <summary>After each command: a snapshot when the clock reached the next boundary and something priced the contract.</summary>
    internal void AfterCommand(long sequence)
    {
        if (!ReachedBoundary())
        {
            return;
        }

        Taken++;
        PositionCopy copy = CopyState(sequence);
        bool inline;
        lock (_gate)
        {
            inline = copy.Count < _options.OffThreadFrom && _pending.Count == 0; // in order: nothing computed before it is still pending
            if (!inline)
            {
                _pending.Enqueue(copy);
                if (!_working)
                {
                    _working = true;
                    ThreadPool.UnsafeQueueUserWorkItem(static monitor => monitor.Work(), this, preferLocal: false);
                }
            }
        }

        if (inline)
        {
            RiskSnapshot target = RentSnapshot();
            _calculator!.Compute(copy, target);
            lock (_gate)
            {
                _ready.Enqueue(target);
            }

            GiveBack(copy);
        }
    }

    /// <summary>
    /// After each command, for a reader on the business-logic thread (predictive margin): at a boundary, as
    /// <see cref="AfterCommand"/>, a snapshot computed here and now into the working buffer (valid until the next call).
    /// </summary>
    internal bool TryCaptureDue(long sequence, out RiskSnapshot snapshot)
    {
        snapshot = ReachedBoundary() ? Capture(sequence) : null!;
        return snapshot is not null;
    }

    /// <summary>True once per interval: at the first command at or past the next boundary, once something priced the contract.</summary>
    private bool ReachedBoundary()
    {
        long now = _market!.Now;
        if (now < _due || _market.Mark <= 0)
        {
            return false;
        }

        long interval = _options.IntervalNs;
        _due = (FixedPoint.FloorDiv(now, interval) + 1) * interval;
        return true;
    }

    /// <summary>Copies the exchange's state and computes a snapshot into a working buffer, here and now (no hand-over). Internal for the tests and the benchmark.</summary>
    internal RiskSnapshot Capture(long sequence)
    {
        PositionCopy copy = CopyState(sequence);
        _calculator!.Compute(copy, _work);
        GiveBack(copy);
        Taken++;
        return _work;
    }

    /// <summary>Only the business-logic thread's part of an off-thread snapshot: the copy. Internal for the benchmark.</summary>
    internal int CopyOnly(long sequence)
    {
        PositionCopy copy = CopyState(sequence);
        GiveBack(copy);
        return copy.Count;
    }

    /// <summary>The thread-pool loop: computes pending copies in order until none is left.</summary>
    private void Work()
    {
        while (true)
        {
            PositionCopy copy;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _working = false;
                    Monitor.PulseAll(_gate);
                    return;
                }

                copy = _pending.Peek(); // stays pending until published: the business-logic thread then cannot compute out of order
            }

            RiskSnapshot target = RentSnapshot();
            try
            {
                _calculator!.Compute(copy, target);
            }
#pragma warning disable CA1031 // a thread-pool thread must not throw: the failure is rethrown to the reader
            catch (Exception e)
#pragma warning restore CA1031
            {
                lock (_gate)
                {
                    _failure ??= e;
                    _working = false;
                    Monitor.PulseAll(_gate);
                }

                return;
            }

            lock (_gate)
            {
                _pending.Dequeue();
                _ready.Enqueue(target);
                _spare.Push(copy);
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>The exchange's state after command <paramref name="sequence"/>, in a free copy buffer.</summary>
    private PositionCopy CopyState(long sequence)
    {
        PositionCopy copy = RentCopy();
        copy.Fill(sequence, _book!, _detector!, _margin!, _market!);
        return copy;
    }

    private void GiveBack(PositionCopy copy)
    {
        lock (_gate)
        {
            _spare.Push(copy);
        }
    }

    /// <summary>A free copy buffer; waits while <see cref="MaxCopies"/> are pending.</summary>
    private PositionCopy RentCopy()
    {
        lock (_gate)
        {
            while (true)
            {
                ThrowIfFailed();
                if (_spare.Count > 0)
                {
                    return _spare.Pop();
                }

                if (_copies < MaxCopies)
                {
                    _copies++;
                    return new PositionCopy(_system);
                }

                Monitor.Wait(_gate);
            }
        }
    }

    private RiskSnapshot RentSnapshot()
    {
        lock (_gate)
        {
            return _free.Count > 0 ? _free.Pop() : NewSnapshot();
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new InvalidOperationException("A risk snapshot computed off the business-logic thread failed.", _failure);
        }
    }

    private RiskSnapshot NewSnapshot() => new(_options.BucketsPerSide, _options.BucketWidth);
}
