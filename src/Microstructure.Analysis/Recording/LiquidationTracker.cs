using Microstructure.Analysis.Cascades;
using Microstructure.Engine;
using Microstructure.Risk;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// Builds one <see cref="LiquidationMetrics"/> per liquidation: opened by its trigger (or a lending-pool liquidation),
/// then fed every event tagged with its id — its orders' fills (levels swept, depth consumed, VWAP), the top of book
/// they leave (mid after), takeovers, ADL, auction takes, bad debt, the fund's cash change. A liquidation never
/// "closes" (deferred work can resume later), so all of them stay in memory until the end: about 400 bytes each.
/// </summary>
internal sealed class LiquidationTracker(long cashPerTickLot, IReadOnlyDictionary<long, string> agentLabels)
{
    private readonly long _k = cashPerTickLot;
    private readonly IReadOnlyDictionary<long, string> _labels = agentLabels;
    private readonly List<LiquidationMetrics> _all = [];
    private readonly Dictionary<long, LiquidationMetrics> _byId = [];
    private LiquidationMetrics? _last;

    /// <summary>Every liquidation in start (= id = causal) order.</summary>
    public IReadOnlyList<LiquidationMetrics> All => _all;

    public void OnTriggered(in ExchangeEvent e, long nowNs, long mid, long? depth)
    {
        LiquidationMetrics m = Open(in e, nowNs, mid, depth);
        m.Side = e.Engine.Side;
        m.PositionLots = e.PositionLots;
        m.LotsToClose = e.Engine.Quantity.Lots;
        m.MarkBefore = e.Engine.Price.Ticks;
        m.Equity = e.Equity;
        m.MaintenanceMargin = e.MaintenanceMargin;
        m.BankruptcyPrice = e.BankruptcyPrice.Ticks;
    }

    /// <summary>A lending-pool liquidation: the seized collateral (Quantity) valued at the oracle is the liquidated notional.</summary>
    public void OnPoolLiquidation(in ExchangeEvent e, long nowNs, long mid, long? depth)
    {
        LiquidationMetrics m = Open(in e, nowNs, mid, depth);
        m.IsPool = true;
        m.Side = Side.Sell;
        m.PositionLots = e.PositionLots;
        m.LotsToClose = e.Engine.Quantity.Lots;
        m.MarkBefore = e.Engine.Price.Ticks;
        m.ClosedLots = e.Engine.Quantity.Lots;
        m.ClosedNotional = e.Engine.Quantity.Lots * e.MarkPrice.Ticks * _k;
    }

    /// <summary>
    /// Any event tagged with a liquidation id (after the trigger); <paramref name="nowNs"/> is the recorder's monotone
    /// clock, <paramref name="l1Mid"/> the mid after the event, <paramref name="fundDelta"/> its effect on the fund's cash.
    /// </summary>
    public void OnTagged(in ExchangeEvent e, long nowNs, long l1Mid, long fundDelta)
    {
        LiquidationMetrics? m = Find(e.LiquidationId);
        if (m is null)
        {
            return; // its trigger was not seen (a recorder attached mid-run): the tape still has the event
        }

        m.EndNs = Math.Max(m.EndNs, nowNs);
        m.FundDelta += fundDelta;
        long q = e.Engine.Quantity.Lots, value = q * e.Engine.Price.Ticks * _k;
        switch (e.Type)
        {
            case ExchangeEventType.Trade when e.Engine.OrderId.Value < 0:
                // Only the liquidation's own (generated, negative-id) orders: stops they trigger are other orders.
                m.BookLots += q;
                m.BookNotional += value;
                if (m.Levels == 0 || e.Engine.Price.Ticks != m.LastFillPrice)
                {
                    m.Levels++;
                }

                m.LastFillPrice = e.Engine.Price.Ticks;
                Closed(m, e.Engine.AccountId, q, value);
                break;
            case ExchangeEventType.TopOfBook when l1Mid > 0:
                m.MidAfter = l1Mid;
                break;
            case ExchangeEventType.LiquidationOrder:
                m.Orders++;
                break;
            case ExchangeEventType.Takeover when e.Engine.AccountId == m.Account:
                m.TakeoverLots += q;
                m.TakeoverNotional += value;
                Closed(m, e.Engine.AccountId, q, value);
                break;
            case ExchangeEventType.AutoDeleverage:
                m.AdlCount++;
                m.AdlLots += q;
                m.AdlNotional += value;
                Closed(m, e.Engine.AccountId, q, value);
                break;
            case ExchangeEventType.AuctionTake:
                m.AuctionLots += q;
                m.AuctionNotional += value;
                Closed(m, e.Engine.AccountId, q, value);
                break;
            case ExchangeEventType.BadDebt:
                m.BadDebt += e.Amount;
                break;
            case ExchangeEventType.LiquidationFinished:
                m.Steps++;
                m.LotsLeft = Math.Abs(e.PositionLots);
                break;
            case ExchangeEventType.LiquidationDeferred:
                m.Deferrals++;
                break;
        }
    }

    /// <summary>The liquidations as the cascade analysis needs them (notional = closed notional), in causal order.</summary>
    public LiquidationRecord[] Records()
    {
        var records = new LiquidationRecord[_all.Count];
        for (int i = 0; i < records.Length; i++)
        {
            LiquidationMetrics m = _all[i];
            long parent = m.ParentId > 0 && _byId.ContainsKey(m.ParentId) ? m.ParentId : LiquidationRecord.NoParent;
            records[i] = new LiquidationRecord(m.Id, parent, m.TimeNs, m.ClosedNotional, m.Side, m.MidBefore, m.MidAfter);
        }

        return records;
    }

    private LiquidationMetrics Open(in ExchangeEvent e, long nowNs, long mid, long? depth)
    {
        var m = new LiquidationMetrics
        {
            Id = e.LiquidationId,
            CashPerTickLot = _k,
            Agent = _labels.GetValueOrDefault(e.Engine.AccountId, ""),
            ParentId = e.ParentLiquidationId,
            Account = e.Engine.AccountId,
            Design = EventNames.Of(e.Design),
            Cause = EventNames.Of(e.Cause),
            TriggerSequence = e.TriggerSequence,
            TimeNs = nowNs,
            EndNs = nowNs,
            TriggerMark = e.MarkPrice.Ticks,
            MarginRatio = e.MarginRatio,
            FundBefore = e.FundBefore,
            MidBefore = mid,
            MidAfter = mid,
            DepthBefore = depth,
        };
        if (!_byId.TryAdd(m.Id, m))
        {
            ThrowHelper.ThrowInvalidOperation($"Liquidation id {m.Id} was triggered twice (command {e.Engine.CommandSequence}).");
        }

        _all.Add(m);
        _last = m;
        return m;
    }

    private LiquidationMetrics? Find(long id)
    {
        if (_last is not null && _last.Id == id)
        {
            return _last;
        }

        _last = _byId.GetValueOrDefault(id) ?? _last;
        return _last is not null && _last.Id == id ? _last : null;
    }

    private static void Closed(LiquidationMetrics m, long account, long q, long value)
    {
        // Only what left the liquidated account's own position counts as liquidated (the fund re-selling it does not).
        if (account == m.Account && !m.IsPool)
        {
            m.ClosedLots += q;
            m.ClosedNotional += value;
        }
    }
}
