using Microstructure.Risk.Ledger;
using Microstructure.Risk.Lending;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Staging;

namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>
/// Auto-deleveraging: closes a position off the book against the opposite positions, ranked (<see cref="AdlRanking"/>),
/// at a given price; as the last resort for a short, against lending-pool collateral. Always completes, because
/// perpetual lots plus collateral net to zero. Holds the ranking scratch, so ranking allocates nothing.
/// </summary>
internal sealed class AutoDeleverager
{
    private readonly AccountBook _book;
    private readonly EventStage _stage;
    private readonly MarginModel _margin;
    private readonly MarketState _market;
    private readonly LendingPool? _pool;
    private readonly LiquidationDesignKind _designKind;
    private readonly long _k;
    private readonly AdlCandidate[] _scratch;

    /// <summary>Wires the deleverager; its ranking scratch holds every account.</summary>
    public AutoDeleverager(AccountBook book, EventStage stage, MarginModel margin, MarketState market, LendingPool? pool, LiquidationDesignKind designKind, long k)
    {
        _book = book;
        _stage = stage;
        _margin = margin;
        _market = market;
        _pool = pool;
        _designKind = designKind;
        _k = k;
        _scratch = new AdlCandidate[book.Count];
    }

    /// <summary>
    /// Moves the whole position of <paramref name="account"/> (<paramref name="lots"/>, signed) to the ranked opposite
    /// positions at <paramref name="price"/>, one <see cref="ExchangeEventType.AutoDeleverage"/> event per counterparty.
    /// </summary>
    public void Close(int account, long lots, AdlRanking ranking, long price, long liquidationId)
    {
        int count = RankOpposite(account, lots > 0, ranking);
        var side = lots > 0 ? Side.Sell : Side.Buy;
        long remaining = Math.Abs(lots);
        for (int i = 0; i < count && remaining > 0; i++)
        {
            int counterparty = _scratch[i].Account;
            long q = Math.Min(remaining, Math.Abs(_book[counterparty].Lots));
            ref var e = ref _stage.Emit(ExchangeEventType.AutoDeleverage);
            e.Engine.AccountId = account;
            e.CounterpartyAccountId = counterparty;
            e.LiquidationId = liquidationId;
            e.Design = _designKind;
            e.TriggerSequence = _book.TriggerOf(liquidationId, account);
            e.Engine.Side = side;
            e.Engine.Quantity = new Quantity(q);
            e.Engine.Price = new Price(price);
            e.BankruptcyPrice = new Price(price);
            e.MarkPrice = new Price(_market.Mark);
            e.Rate = FixedPoint.Saturate(_scratch[i].Score);
            _book.Transfer(account, counterparty, side, q, price);
            remaining -= q;
        }

        if (remaining > 0)
        {
            CloseAgainstCollateral(account, remaining, price, liquidationId);
        }
    }

    /// <summary>
    /// The last resort of auto-deleveraging a short when the open perpetual longs are fewer lots than it (the rest of
    /// the long lots sit in the lending _pool as collateral): collateral is sold to the short at the bankruptcy price,
    /// largest holders first, the proceeds credited to the holder's cash.
    /// </summary>
    private void CloseAgainstCollateral(int account, long remaining, long price, long liquidationId)
    {
        while (remaining > 0)
        {
            int holder = -1;
            for (int i = 0; i < _book.Count; i++)
            {
                if (i != account && _book[i].Collateral > 0 && (holder < 0 || _book[i].Collateral > _book[holder].Collateral))
                {
                    holder = i;
                }
            }

            if (holder < 0 || _book[account].Lots >= 0)
            {
                return;
            }

            long q = Math.Min(remaining, _book[holder].Collateral);
            ref var e = ref _stage.Emit(ExchangeEventType.AutoDeleverage);
            e.Engine.AccountId = account;
            e.CounterpartyAccountId = holder;
            e.LiquidationId = liquidationId;
            e.Design = _designKind;
            e.Engine.Side = Side.Buy;
            e.Engine.Quantity = new Quantity(q);
            e.Engine.Price = new Price(price);
            e.BankruptcyPrice = new Price(price);
            e.MarkPrice = new Price(_market.Mark);
            e.PositionLots = -1; // marks a collateral counterparty
            e.TriggerSequence = _book.TriggerOf(liquidationId, account);
            _book[holder].Collateral -= q;
            _book[holder].MarginCash += q * price * _k;
            _ = _book.Settle(account, Side.Buy, q, price, 0, LiquidationCause.Transfer);
            _book.Touch(holder, LiquidationCause.Transfer);
            _pool?.Reindex(holder);
            remaining -= q;
        }
    }

    /// <summary>Fills the scratch with every account holding the opposite position, ranked; returns how many.</summary>
    private int RankOpposite(int exclude, bool bankruptIsLong, AdlRanking ranking)
    {
        int count = 0;
        foreach (int account in _book.Positions)
        {
            ref var c = ref _book[account];
            if (account == exclude || (bankruptIsLong ? c.Lots >= 0 : c.Lots <= 0))
            {
                continue;
            }

            _scratch[count++] = new AdlCandidate { Account = account, Score = Score(ref c, ranking) };
        }

        _scratch.AsSpan(0, count).Sort();
        return count;
    }

    private Int128 Score(ref AccountState c, AdlRanking ranking)
    {
        const long Scale = FixedPoint.RateScale;
        long mark = _market.Mark;
        long notional = _margin.Notional(c.Lots, mark);
        long upnl = (c.Lots * mark * _k) - c.CostBasis;
        long equity = _margin.Equity(c.MarginCash, c.Lots, mark);
        if (ranking == AdlRanking.Binance)
        {
            long wallet = c.MarginCash + c.CostBasis;
            Int128 pnlPct = (Int128)Math.Max(0, upnl) * Scale / Math.Max(FixedPoint.CashScale, wallet);
            long mm = _margin.Maintenance(c.Lots, c.CostBasis, mark);
            Int128 ratio = equity > 0 ? (Int128)mm * Scale / equity : (Int128)long.MaxValue;
            return pnlPct * ratio;
        }

        Int128 pct = (Int128)upnl * Scale / Math.Max(1, Math.Abs(c.CostBasis));
        Int128 leverage = equity > 0 ? (Int128)notional * Scale / equity : (Int128)long.MaxValue;
        if (pct > 0)
        {
            return pct * leverage;
        }

        return leverage == 0 ? pct * Scale * Scale : pct * Scale * Scale / leverage;
    }
}
