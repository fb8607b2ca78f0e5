using Microstructure.Risk.Ledger;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Staging;

namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>
/// The hedges on the hedge venue (<see cref="HedgeOptions"/>) — the fund's and the vault's under a design's <c>hedge</c>,
/// and those of trading accounts that hedge their own position (<see cref="Processing.ExchangeOptions.AccountHedges"/>,
/// e.g. market makers) — kept after every step: first each open hedge is settled to the index (its variation paid into
/// the hedger's cash), then it is traded to −ratio × the hedger's position at the index, the trade's fee and slippage
/// paid out of the hedger's cash. One concept, one engine: a trading account's leg is the fund's leg with its own
/// settings. The venue is outside the exchange: what it pays or charges enters the ledger as external money (like a
/// deposit), so the conservation identity still holds. Trades and settlements use the index the exchange holds at that
/// time — never a later one. Legs are kept in a fixed order (the fund, the vault, then the accounts by id), so the
/// events are deterministic. Rounding: the target is ratio × position rounded towards zero; costs round up against the
/// hedger (see <see cref="HedgeSettings.Cost"/>); the variation is an exact product. Allocation-free.
/// </summary>
internal sealed class HedgeDesk
{
    private readonly AccountBook _book;
    private readonly MarketState _market;
    private readonly EventStage _stage;
    private readonly long _k;
    private readonly Leg[] _legs;
    private readonly int _systemLegs;

    /// <summary>Builds the legs: the fund's and the vault's when the design hedges, then the trading accounts'.</summary>
    /// <param name="book">The accounts.</param>
    /// <param name="market">The index and the mark.</param>
    /// <param name="stage">Where the hedge events go.</param>
    /// <param name="k">Cash units per tick and lot.</param>
    /// <param name="design">The design's hedge of the fund and the vault, or null (then only <paramref name="accounts"/> hedge).</param>
    /// <param name="vault">The vault's account.</param>
    /// <param name="accounts">Trading accounts hedging their own position, each with its settings.</param>
    public HedgeDesk(AccountBook book, MarketState market, EventStage stage, long k, HedgeSettings? design, int vault, IReadOnlyList<(int Account, HedgeSettings Settings)> accounts)
    {
        _book = book;
        _market = market;
        _stage = stage;
        _k = k;
        _systemLegs = design is null ? 0 : 2;
        _legs = new Leg[_systemLegs + accounts.Count];
        if (design is { } d)
        {
            _legs[0] = new Leg(book.FundAccount, d);
            _legs[1] = new Leg(vault, d);
        }

        for (int i = 0; i < accounts.Count; i++)
        {
            _legs[_systemLegs + i] = new Leg(accounts[i].Account, accounts[i].Settings);
        }
    }

    /// <summary>Whether the fund and the vault hedge (the design's <c>hedge</c>).</summary>
    public bool HedgesFund => _systemLegs > 0;

    /// <summary>Hedge notional traded so far, Σ |lots| × index × k (cash units), fund and vault together.</summary>
    public long Notional { get; private set; }

    /// <summary>The fund's and the vault's hedge variation paid so far (cash units; negative = the hedges lost).</summary>
    public long Pnl { get; private set; }

    /// <summary>The fund's and the vault's fees and slippage paid so far (cash units, ≥ 0).</summary>
    public long Costs { get; private set; }

    /// <summary>Hedge notional the trading accounts' legs traded so far (cash units).</summary>
    public long AccountNotional { get; private set; }

    /// <summary>The trading accounts' hedge variation so far (cash units).</summary>
    public long AccountPnl { get; private set; }

    /// <summary>The trading accounts' hedge fees and slippage so far (cash units, ≥ 0).</summary>
    public long AccountCosts { get; private set; }

    /// <summary>The hedge the account (the fund, the vault or a hedging trading account) holds now, in lots (0 for any other account).</summary>
    public long LotsOf(int account)
    {
        foreach (var leg in _legs)
        {
            if (leg.Account == account)
            {
                return leg.Lots;
            }
        }

        return 0;
    }

    /// <summary>Settles and re-sizes every hedge at the index now; nothing happens before the first index.</summary>
    public void Rebalance()
    {
        long index = _market.Index;
        if (index <= 0)
        {
            return;
        }

        for (int i = 0; i < _legs.Length; i++)
        {
            ref var leg = ref _legs[i];
            bool system = i < _systemLegs;
            long pnl = Settle(ref leg, index);
            var (notional, costs) = Trade(ref leg, index);
            if (system)
            {
                Pnl += pnl;
                Notional += notional;
                Costs += costs;
            }
            else
            {
                AccountPnl += pnl;
                AccountNotional += notional;
                AccountCosts += costs;
            }
        }
    }

    /// <summary>Pays the leg's variation since its last settlement; returns it (cash units).</summary>
    private long Settle(ref Leg leg, long index)
    {
        if (leg.Lots == 0 || index == leg.Price)
        {
            leg.Price = index;
            return 0;
        }

        long pnl = checked(leg.Lots * (index - leg.Price) * _k);
        leg.Price = index;
        Pay(leg.Account, pnl, FundMovementReason.HedgePnl, in leg, Side.Buy, 0, 0);
        return pnl;
    }

    /// <summary>Trades the leg to its target; returns the notional traded and what it cost (cash units).</summary>
    private (long Notional, long Costs) Trade(ref Leg leg, long index)
    {
        long lots = _book[leg.Account].Lots;
        long target = -FixedPoint.RateFloor(Math.Abs(lots), leg.Settings.Ratio) * Math.Sign(lots);
        long q = target - leg.Lots;
        if (q == 0)
        {
            return (0, 0);
        }

        long notional = checked(Math.Abs(q) * index * _k);
        var (fee, slippage) = leg.Settings.Cost(notional);
        leg.Lots = target;
        leg.Price = index;
        Pay(leg.Account, -(fee + slippage), FundMovementReason.HedgeCost, in leg, q > 0 ? Side.Buy : Side.Sell, Math.Abs(q), leg.Settings.SlippageRate(notional));
        return (notional, fee + slippage);
    }

    /// <summary>Moves <paramref name="amount"/> between the hedge venue and the account's cash and reports it.</summary>
    private void Pay(int account, long amount, FundMovementReason reason, in Leg leg, Side side, long lots, long rate)
    {
        if (amount == 0 && lots == 0)
        {
            return;
        }

        _book[account].MarginCash += amount;
        _book.RecordNetDeposit(amount);
        long fund = _book.FundEquity;
        ref var e = ref _stage.Emit(ExchangeEventType.InsuranceFund);
        e.FundReason = reason;
        e.Amount = amount;
        e.Engine.AccountId = account;
        e.Engine.Side = side;
        e.Engine.Quantity = new Quantity(lots);
        e.Engine.Price = new Price(leg.Price);
        e.PositionLots = leg.Lots;
        e.Rate = rate;
        e.MarkPrice = new Price(_market.Mark);
        e.FundAfter = fund;
        e.FundBefore = account == _book.FundAccount ? fund - amount : fund;
    }

    /// <summary>One hedger's open hedge: lots (opposite to its position), the index it was last settled at, its settings.</summary>
    private struct Leg(int account, HedgeSettings settings)
    {
        public readonly int Account = account;
        public readonly HedgeSettings Settings = settings;
        public long Lots;
        public long Price;
    }
}
