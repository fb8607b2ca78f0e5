using Microstructure.Agents;
using Microstructure.Agents.Market;
using Microstructure.Agents.Randomness;
using Microstructure.Simulation.Environment;

namespace Microstructure.Simulation.Kernel;

/// <summary>
/// The discrete-event simulation kernel: a nanosecond clock, an agenda of agent wake-ups, command arrivals and event
/// deliveries, per-agent latency both ways (fixed plus seeded jitter), and the exchange reached directly or through
/// its pipeline. Same setup and seed ⇒ the same exchange event stream, byte for byte, in either mode.
/// </summary>
/// <remarks>
/// <para><b>Conservative lookahead.</b> Let L be the smallest outbound latency of any agent. An event caused by a
/// command that reached the exchange at T cannot reach any agent, nor any agent's view of the market, before T + L.
/// So before running an item at time t the kernel reads the events of exactly those commands with T + L ≤ t — no
/// more, no fewer, in command order — and turns them into inbox deliveries and public-market history. Reading happens
/// at the same points whatever the mode: in direct mode the events are already there; in pipelined mode the kernel
/// waits for the business-logic thread only when a command's events are due, so the exchange works ahead in parallel
/// for up to L of simulated time.</para>
/// <para><b>Order of items.</b> The agenda is ordered by (time, scheduling counter); the counter advances in the same
/// order in both modes because every scheduling happens either while running an item or while reading events at
/// those same points. An agent's own commands reach the exchange in the order sent, and its events in the order
/// produced (delivery and arrival times are kept non-decreasing per agent).</para>
/// </remarks>
internal sealed partial class SimulationKernel : IDisposable
{
    private readonly KernelSetup _setup;
    private readonly Agent[] _agents;
    private readonly long[] _latencyIn;
    private readonly long[] _latencyOut;
    private readonly long[] _jitter;
    private readonly SimRandom[] _jitterRandom;
    private readonly long[] _wakeToken;
    private readonly long[] _lastArrival;
    private readonly long[] _lastDelivery;
    private readonly long[] _lastView;
    private readonly long[] _orderCounter;
    private readonly bool[] _deliveryScheduled;
    private readonly Inbox[] _inbox;
    private readonly int[] _agentOfAccount;
    private readonly int[] _liquidationSubscribers;
    private readonly int[] _auctionSubscribers;
    private readonly CalendarQueue _queue = new();
    private readonly EventStore _pending = new(1 << 12);
    private readonly Queue<long> _sentAt = new();
    private readonly MarketTape _tape;
    private readonly MarketHistory _history = new();
    private readonly IExchangePort _port;
    private readonly IndexProcess? _index;
    private readonly long _lookahead;
    private readonly long _historyWindow;
    private ExchangeCommand[] _commands = new ExchangeCommand[1024];
    private int[] _freeSlots = new int[1024];
    private int _freeCount;
    private int _usedSlots;
    private IExchangeEventObserver? _observer;
    private long _now;
    private long _order;
    private long _sent;
    private long _ingested;
    private long _wakes;
    private long _deliveries;
    private long _exchangeEvents;
    private long _indexLag;

    public SimulationKernel(KernelSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _setup = setup;
        _agents = [.. setup.Agents];
        int n = _agents.Length;
        _latencyIn = new long[n];
        _latencyOut = new long[n];
        _jitter = new long[n];
        _jitterRandom = new SimRandom[n];
        _wakeToken = new long[n];
        _lastArrival = new long[n];
        _lastDelivery = new long[n];
        _lastView = new long[n];
        _orderCounter = new long[n];
        _deliveryScheduled = new bool[n];
        _inbox = new Inbox[n];
        _agentOfAccount = new int[setup.Exchange.AccountCount];
        Array.Fill(_agentOfAccount, -1);
        long lookahead = long.MaxValue;
        long maxOut = 0;
        var liquidations = new List<int>();
        var auctions = new List<int>();
        for (int i = 0; i < n; i++)
        {
            var latency = setup.Latencies[i];
            _latencyIn[i] = latency.InNanos;
            _latencyOut[i] = latency.OutNanos;
            _jitter[i] = latency.JitterNanos;
            _jitterRandom[i] = SimRandom.ForStream(setup.Seed, (1L << 40) + i);
            _inbox[i] = new Inbox();
            _lastView[i] = long.MinValue;
            _agentOfAccount[_agents[i].AccountId] = i;
            lookahead = Math.Min(lookahead, latency.OutNanos);
            maxOut = Math.Max(maxOut, latency.OutNanos + latency.JitterNanos);
            if ((_agents[i].Subscriptions & AgentSubscriptions.Liquidations) != 0)
            {
                liquidations.Add(i);
            }

            if ((_agents[i].Subscriptions & AgentSubscriptions.Auctions) != 0)
            {
                auctions.Add(i);
            }
        }

        _lookahead = n == 0 ? 0 : lookahead;
        _historyWindow = maxOut;
        _liquidationSubscribers = [.. liquidations];
        _auctionSubscribers = [.. auctions];
        _tape = new MarketTape(setup.ShortVolatilitySeconds, setup.LongVolatilitySeconds);
        if (setup.Index is { } index)
        {
            _index = new IndexProcess(index, SimRandom.ForStream(setup.Seed, 1L << 41), setup.Rules);
            _indexLag = Math.Max(index.LagNs, _lookahead);

            // The index reads the book one lag ago, which may be older than any agent's view: keep that much history,
            // else its query finds nothing and the book weight silently drops out.
            _historyWindow = Math.Max(_historyWindow, _indexLag);
        }

        _port = setup.Mode == KernelMode.Pipelined
            ? new PipelinedExchangePort(setup.Exchange, _pending, setup.InputRingSize, setup.OutputRingSize)
            : new DirectExchangePort(setup.Exchange, _pending);
    }

    /// <summary>The kernel's clock (ns).</summary>
    public long Now => _now;

    /// <summary>The conservative lookahead: the smallest outbound latency (ns).</summary>
    public long Lookahead => _lookahead;

    /// <summary>What the kernel did so far.</summary>
    public KernelCounters Counters => new(_wakes, _sent, _deliveries, _exchangeEvents);

    /// <summary>The rules agents see.</summary>
    public MarketRules Rules => _setup.Rules;

    /// <summary>
    /// Runs to the end time: bootstrap commands, agents' starts, then the agenda. Every exchange event goes to
    /// <paramref name="observer"/> in order. Returns when everything sent has been read back (and, pipelined, the
    /// exchange's thread has stopped).
    /// </summary>
    /// <param name="observer">Receives every exchange event, or null.</param>
    /// <param name="progress">Called about every 1% of simulated time, or null.</param>
    /// <param name="cancellationToken">Stops the run between items (the exchange state stays consistent).</param>
    public KernelCounters Run(IExchangeEventObserver? observer, Action<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        _observer = observer;
        long end = _setup.EndNs;
        long progressStep = Math.Max(1, end / 100);
        long nextProgress = progressStep;
        _now = 0;
        foreach (var command in _setup.Bootstrap)
        {
            var copy = command;
            SendNow(ref copy);
        }

        ScheduleKernelItems();
        for (int i = 0; i < _agents.Length; i++)
        {
            Enter(i);
            _agents[i].Start(this);
        }

        _current = -1;
        long steps = 0;
        while (true)
        {
            long next = _queue.Count > 0 ? _queue.PeekTime : long.MaxValue;
            if (_ingested < _sent && _sentAt.Peek() + _lookahead <= Math.Min(next, end))
            {
                IngestNext(); // may schedule deliveries before the next item
                continue;
            }

            if (next > end)
            {
                break;
            }

            var item = _queue.Pop();
            _now = item.Time;
            Dispatch(in item);
            if (_now >= nextProgress && progress is not null)
            {
                progress(new RunProgress(_now, end, Counters));
                nextProgress = _now + progressStep;
            }

            if ((++steps & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        // Read back everything that reached the exchange, so the observer sees the whole run.
        while (_ingested < _sent)
        {
            IngestNext();
        }

        _port.Complete();
        progress?.Invoke(new RunProgress(end, end, Counters));
        return Counters;
    }

    /// <inheritdoc />
    public void Dispose() => _port.Dispose();

    private void Dispatch(in ScheduledItem item)
    {
        switch (item.Kind)
        {
            case ItemKind.Wake:
                if (item.Payload == _wakeToken[item.Agent])
                {
                    _wakeToken[item.Agent] = 0;
                    _wakes++;
                    Enter(item.Agent);
                    _agents[item.Agent].OnWake(this);
                    _current = -1;
                }

                break;
            case ItemKind.Arrival:
                int slot = (int)item.Payload;
                SendNow(ref _commands[slot]); // stamped in place: the slot is free again right after
                _freeSlots[_freeCount++] = slot;
                break;
            case ItemKind.Delivery:
                Deliver(item.Agent);
                break;
            case ItemKind.Snapshot:
                var snapshot = new OrderCommand { Type = CommandType.SnapshotL2, Quantity = new Quantity(_setup.SnapshotDepth) };
                var snapshotCommand = ExchangeCommand.ForOrder(in snapshot, _now);
                SendNow(ref snapshotCommand);
                Schedule(_now + _setup.SnapshotIntervalNs, ItemKind.Snapshot, -1, 0);
                break;
            case ItemKind.Tick:
                var tick = ExchangeCommand.Tick(_now);
                SendNow(ref tick);
                Schedule(_now + _setup.TickIntervalNs, ItemKind.Tick, -1, 0);
                break;
            case ItemKind.IndexUpdate:
                _index!.Step(_now);
                SendIndex();
                Schedule(_now + _setup.Index!.UpdateIntervalNs, ItemKind.IndexUpdate, -1, 0);
                break;
            case ItemKind.IndexJump:
                _index!.Step(_now);
                _index.Jump(_setup.IndexJumps[(int)item.Payload].Relative);
                SendIndex();
                break;
        }
    }

    private void ScheduleKernelItems()
    {
        if (_setup.SnapshotIntervalNs > 0)
        {
            Schedule(_setup.SnapshotIntervalNs, ItemKind.Snapshot, -1, 0);
        }

        if (_setup.TickIntervalNs > 0)
        {
            Schedule(_setup.TickIntervalNs, ItemKind.Tick, -1, 0);
        }

        if (_index is not null)
        {
            SendIndex();
            Schedule(_setup.Index!.UpdateIntervalNs, ItemKind.IndexUpdate, -1, 0);
            for (int i = 0; i < _setup.IndexJumps.Count; i++)
            {
                Schedule(_setup.IndexJumps[i].TimeNs, ItemKind.IndexJump, -1, i);
            }
        }
    }

    private void SendIndex()
    {
        var book = _history.At(_now - _indexLag);
        var command = ExchangeCommand.ForPrice(ExchangeCommandType.IndexPrice, _index!.Publish(in book), _now);
        SendNow(ref command);
    }

    /// <summary>
    /// Hands the exchange a command now: it arrives at the current time (stamped into <paramref name="command"/>, which
    /// saves a copy of it) and gets the next sequence number.
    /// </summary>
    private void SendNow(ref ExchangeCommand command)
    {
        command.Timestamp = new Timestamp(_now);
        if (command.Type == ExchangeCommandType.Order)
        {
            command.Order.Timestamp = command.Timestamp;
        }

        _port.Send(in command, _sent++);
        _sentAt.Enqueue(_now);
    }

    private void Schedule(long time, ItemKind kind, int agent, long payload)
    {
        var item = new ScheduledItem { Time = time, Order = _order++, Agent = agent, Kind = kind, Payload = payload };
        _queue.Push(in item);
    }

    private int TakeSlot()
    {
        if (_freeCount > 0)
        {
            return _freeSlots[--_freeCount];
        }

        if (_usedSlots == _commands.Length)
        {
            Array.Resize(ref _commands, _commands.Length * 2);
            Array.Resize(ref _freeSlots, _freeSlots.Length * 2);
        }

        return _usedSlots++;
    }
}
