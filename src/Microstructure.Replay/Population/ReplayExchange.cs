using Microstructure.Engine;
using Microstructure.Replay.Io;
using Microstructure.Replay.Output;
using Microstructure.Replay.Processing;
using Microstructure.Risk;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Processing;

namespace Microstructure.Replay.Population;

/// <summary>
/// The risk layer's <see cref="Exchange"/> set up for a replay: historical flow, injected orders, a leveraged
/// population's opening orders and the liquidation engine's orders all go through one exchange, on one book
/// (docs/replay.md, "Leveraged population"). <see cref="ExchangeProcessor"/> is the replay's handle on it.
/// </summary>
/// <remarks>
/// <para><b>Accounts.</b> 0 holds every historical order and level (<see cref="ReplayAccounts.Historical"/>), 1 the
/// injected orders, 2 … accounts + 1 the population, then the risk layer's four system accounts. The risk layer has
/// no margin-exempt trader, so accounts 0 and 1 are made exempt in effect: they post one maximal deposit (10⁹ quote
/// units) at leverage 1 before their first order, and whenever the risk layer still refuses one of their orders for
/// margin the exchange deposits the same again and resends it (counted in <see cref="PopulationReport.CollateralTopUps"/>).
/// Their fills are ordinary fills (fees included), so the conservation identity covers them. The top-ups are a
/// modelling need, not a gap in what Risk reports: accounts 0 and 1 stand for the whole historical market, which
/// posted no margin on this exchange, yet every order must pass the same pre-trade check as the population's, or the
/// book would differ from the tape. Reading their balance off the trade events would not help: a refusal is decided
/// on the order's worst-case margin before it trades, so the replay learns it needs cash only from the refusal.</para>
/// <para><b>Funding</b> is off: a replay window is short and the exchange's funding needs an index most sources do
/// not give. Injected <c>liquidation</c> orders lose their reduce-only flag (account 1 holds no position to reduce).</para>
/// </remarks>
internal sealed partial class ReplayExchange
{
    /// <summary>Collateral per deposit of the historical and injected accounts: the risk layer's largest transfer (10⁹ quote units).</summary>
    public const long DefaultCollateralDeposit = 1_000_000_000L * FixedPoint.CashScale;

    /// <summary>Deposits a historical or injected order may need before it is refused for good.</summary>
    private const int MaxTopUps = 16;

    /// <summary>Mark commands one replay step may send for the <c>last-trade</c> source (each can start a wave).</summary>
    private const int MaxMarkRounds = 64;

    private readonly IExchangeEventObserver? _observer;
    private readonly long _takerFee;
    private readonly long _marketBuffer;
    private ExchangeCommand _command;
    private bool _started;
    private bool _opened;
    private bool? _entryFromBelow;
    private long _nextPopulationOrder;
    private long _watchAccount = -1;
    private long _watchOrder;
    private RiskRejectReason _watchReject;
    private long _lastTrade;
    private long _lastFill;
    private bool _filled;
    private long _pushedMark;

    /// <summary>Builds the exchange for the replayed instrument.</summary>
    /// <param name="spec">The population and its liquidation design.</param>
    /// <param name="instrument">The replayed instrument (tick size × lot size × 10⁸ must be whole: the risk layer's cash scale).</param>
    /// <param name="maxOrders">Capacity for historical and simulated resting orders.</param>
    /// <param name="observer">Sees every exchange event in order, or null.</param>
    /// <exception cref="ReplayInputException">The instrument or the spec does not suit the risk layer (the message names the setting).</exception>
    public ReplayExchange(PopulationSpec spec, InstrumentSpec instrument, int maxOrders, IExchangeEventObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(instrument);
        Spec = spec;
        _observer = observer;

        // The risk layer caps positions so that their value at the highest price fits 64-bit cash; a replay's range
        // comes from --max-price (or 4× the opening price), so say which option to change (issue 12 §2).
        double lotAtMax = instrument.MaxPrice.Ticks * (double)instrument.TickSize * (double)instrument.LotSize;
        double cashLimit = (double)(long.MaxValue / 4) / FixedPoint.CashScale;
        if (lotAtMax > cashLimit)
        {
            throw new ReplayInputException(spec.Source, 0, FormattableString.Invariant(
                $"one lot at the replay's highest price ({instrument.MaxPrice.Ticks * (double)instrument.TickSize:G6} quote) is worth {lotAtMax:G3} quote, more than 64-bit cash holds per position ({cashLimit:G3} quote): pass a lower --max-price"), InputErrorKind.InvalidValue);
        }

        Accounts = PopulationPlan.Draw(spec);
        _filledLots = new long[spec.Accounts];
        var options = new ExchangeOptions
        {
            Instrument = instrument,
            MaxOrders = maxOrders + spec.Accounts + 64,
            MaxAccounts = Math.Max(8, spec.Accounts + (int)PopulationPlan.FirstAccount + 4),
            Brackets = spec.Brackets,
            TakerFeeRate = spec.TakerFeeRate,
            MakerFeeRate = spec.MakerFeeRate,
            DefaultLeverage = 1,
            Mark = new MarkPriceOptions
            {
                Method = spec.Mark switch
                {
                    MarkSource.Mid => MarkPriceMethod.Mid,
                    MarkSource.MedianOfThree => MarkPriceMethod.MedianOfThree,
                    _ => MarkPriceMethod.External,
                },

                // A replayed venue's mark arrives with its data, so the replay keeps the mark continuous and works
                // liquidations inline (the book between two historical messages is the venue's, not ours to pace).
                PublishIntervalSeconds = 0,
            },
            LiquidationEngine = Risk.Liquidation.LiquidationEngineOptions.Immediate,
            Funding = new FundingOptions { Enabled = false },
            Liquidation = spec.Liquidation,
        };
        try
        {
            Exchange = new Exchange(options);
        }
        catch (RiskConfigurationException e)
        {
            throw new ReplayInputException(spec.Source, 0, $"the risk layer refuses this replay: {e.Message}", InputErrorKind.InvalidValue);
        }

        _takerFee = FixedPoint.ToRate(options.TakerFeeRate);
        _marketBuffer = FixedPoint.ToRate(options.MarketOrderPriceBuffer);
    }

    /// <summary>The population and its design.</summary>
    public PopulationSpec Spec { get; }

    /// <summary>The accounts as drawn from the spec.</summary>
    public IReadOnlyList<PopulationAccount> Accounts { get; }

    /// <summary>The exchange (read it: accounts, ledger totals, the book; the replay drives it).</summary>
    public Exchange Exchange { get; }

    /// <summary>The replay's handle on this exchange.</summary>
    public ExchangeProcessor Processor => new(this);

    /// <summary>Collateral per deposit of the historical and injected accounts (cash units); smaller only in tests of the top-up.</summary>
    internal long CollateralDeposit { get; init; } = DefaultCollateralDeposit;

    /// <summary>Whether the population has opened its positions.</summary>
    public bool Opened => _opened;

    /// <summary>Applies one replay command (historical or injected) through the risk layer.</summary>
    internal void Process<TSink>(in OrderCommand command, ref long sequence, ref TSink sink)
        where TSink : struct, IReplaySink
    {
        var events = new ExchangeEventSink<TSink>(this, sink);
        var time = command.Timestamp.Nanoseconds;
        Start(time, ref sequence, ref events);
        var order = command;
        var reserved = order.AccountId is ReplayAccounts.Historical or ReplayAccounts.Injected;
        if (order.AccountId == ReplayAccounts.Injected)
        {
            order.Flags &= ~OrderFlags.ReduceOnly;
        }

        for (var attempt = 0; ; attempt++)
        {
            Watch(order.AccountId, order.OrderId.Value);
            _command = ExchangeCommand.ForOrder(in order, time);
            Exchange.Process(in _command, sequence++, ref events);
            var reject = EndWatch();
            if (reject == RiskRejectReason.None || !reserved)
            {
                break;
            }

            if (reject != RiskRejectReason.InsufficientMargin || attempt == MaxTopUps)
            {
                if (order.AccountId == ReplayAccounts.Injected)
                {
                    break; // an injected order may be refused like any trader's; the tape shows it
                }

                throw new InvalidOperationException(
                    $"The risk layer refused historical order {order.OrderId.Value} ({RiskNames.Of(reject)}) after {attempt} collateral top-ups; the replay cannot continue without it.");
            }

            _topUps++;
            Send(ExchangeCommand.Cash(ExchangeCommandType.Deposit, order.AccountId, CollateralDeposit, time), ref sequence, ref events);
        }

        AfterStep(time, ref sequence, ref events);
    }

    /// <summary>Market data: the last-trade and ticker mark sources act on it; the rest is only recorded by the replay.</summary>
    internal void OnMarketData<TSink>(in MarketDataUpdate update, ref long sequence, ref TSink sink)
        where TSink : struct, IReplaySink
    {
        var time = update.Timestamp.Nanoseconds;
        var events = new ExchangeEventSink<TSink>(this, sink);
        switch (update.Kind)
        {
            case MarketDataKind.Trade when Spec.Mark == MarkSource.LastTrade:
                Start(time, ref sequence, ref events);
                _lastTrade = update.Price.Ticks;
                break;
            case MarketDataKind.Ticker when Spec.Mark == MarkSource.TickerMark && update.MarkPrice.Ticks > 0:
                Start(time, ref sequence, ref events);
                Send(ExchangeCommand.ForPrice(ExchangeCommandType.MarkPrice, update.MarkPrice.Ticks, time), ref sequence, ref events);
                break;
            case MarketDataKind.Ticker when Spec.Mark == MarkSource.MedianOfThree && update.IndexPrice.Ticks > 0:
                Start(time, ref sequence, ref events);
                Send(ExchangeCommand.ForPrice(ExchangeCommandType.IndexPrice, update.IndexPrice.Ticks, time), ref sequence, ref events);
                break;
            default:
                return;
        }

        AfterStep(time, ref sequence, ref events);
    }

    /// <summary>Funds the historical and injected accounts (once, before the first command the exchange sees).</summary>
    private void Start<TSink>(long time, ref long sequence, ref ExchangeEventSink<TSink> events)
        where TSink : struct, IReplaySink
    {
        if (_started)
        {
            return;
        }

        _started = true;
        foreach (var account in (ReadOnlySpan<long>)[ReplayAccounts.Historical, ReplayAccounts.Injected])
        {
            Send(ExchangeCommand.Cash(ExchangeCommandType.Deposit, account, CollateralDeposit, time), ref sequence, ref events);
        }
    }

    /// <summary>
    /// The <c>last-trade</c> source: after a step, the last trade on the replayed tape (the step's last fill, else
    /// the last historical trade; before any trade the mid) becomes the exchange's mark. A new mark can liquidate, and
    /// the liquidations' fills make a new last trade: repeated until the mark holds.
    /// </summary>
    private void AfterStep<TSink>(long time, ref long sequence, ref ExchangeEventSink<TSink> events)
        where TSink : struct, IReplaySink
    {
        if (Spec.Mark != MarkSource.LastTrade || !_started)
        {
            return;
        }

        for (var round = 0; round < MaxMarkRounds; round++)
        {
            if (_filled)
            {
                _lastTrade = _lastFill;
                _filled = false;
            }

            var target = _lastTrade > 0 ? _lastTrade : Mid();
            if (target <= 0 || target == _pushedMark)
            {
                return;
            }

            _pushedMark = target;
            Send(ExchangeCommand.ForPrice(ExchangeCommandType.MarkPrice, target, time), ref sequence, ref events);
        }
    }

    private void Send<TSink>(in ExchangeCommand command, ref long sequence, ref ExchangeEventSink<TSink> events)
        where TSink : struct, IReplaySink
    {
        _command = command;
        Exchange.Process(in _command, sequence++, ref events);
    }

    /// <summary>Mid of the replayed book, floored to a tick; 0 unless both sides have liquidity.</summary>
    private long Mid()
    {
        long bid = Exchange.Engine.BestBid.Ticks, ask = Exchange.Engine.BestAsk.Ticks;
        return bid > 0 && ask > 0 ? (bid + ask) >> 1 : 0;
    }

    private void Watch(long account, long orderId)
    {
        _watchAccount = account;
        _watchOrder = orderId;
        _watchReject = RiskRejectReason.None;
    }

    private RiskRejectReason EndWatch()
    {
        _watchAccount = -1;
        return _watchReject;
    }
}
