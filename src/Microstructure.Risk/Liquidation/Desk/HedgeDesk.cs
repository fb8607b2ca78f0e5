using Microstructure.Risk.Ledger;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Staging;

namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>
/// The fund's and the vault's hedges on the hedge venue (<see cref="HedgeOptions"/>), kept after every step: first the
/// open hedge is settled to the index (its variation paid into the hedger's cash), then it is traded to −ratio × the
/// hedger's position at the index, the trade's fee and slippage paid out of the hedger's cash. The venue is outside the
/// exchange: what it pays or charges enters the ledger as external money (like a deposit), so the conservation
/// identity still holds. Trades and settlements use the index the exchange holds at that time — never a later one.
/// Rounding: the target is ratio × position rounded towards zero; costs round up against the hedger (see
/// <see cref="HedgeSettings.Cost"/>); the variation is an exact product. Allocation-free.
/// </summary>
internal sealed class HedgeDesk(AccountBook book, MarketState market, EventStage stage, long k, HedgeSettings settings, int vault)
{
    private readonly Leg[] _legs = [new Leg(book.FundAccount), new Leg(vault)];

    /// <summary>Hedge notional traded so far, Σ |lots| × index × k (cash units), fund and vault together.</summary>
    public long Notional { get; private set; }

    /// <summary>The hedges' variation paid so far (cash units; negative = the hedges lost).</summary>
    public long Pnl { get; private set; }

    /// <summary>Fees and slippage paid so far (cash units, ≥ 0).</summary>
    public long Costs { get; private set; }

    /// <summary>The hedge the account (the fund or the vault) holds now, in lots (0 for any other account).</summary>
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

    /// <summary>Settles and re-sizes both hedges at the index now; nothing happens before the first index.</summary>
    public void Rebalance()
    {
        long index = market.Index;
        if (index <= 0)
        {
            return;
        }

        for (int i = 0; i < _legs.Length; i++)
        {
            ref var leg = ref _legs[i];
            Settle(ref leg, index);
            Trade(ref leg, index);
        }
    }

    private void Settle(ref Leg leg, long index)
    {
        if (leg.Lots == 0 || index == leg.Price)
        {
            leg.Price = index;
            return;
        }

        long pnl = checked(leg.Lots * (index - leg.Price) * k);
        leg.Price = index;
        Pay(leg.Account, pnl, FundMovementReason.HedgePnl, in leg, Side.Buy, 0, 0);
        Pnl += pnl;
    }

    private void Trade(ref Leg leg, long index)
    {
        long target = -FixedPoint.RateFloor(Math.Abs(book[leg.Account].Lots), settings.Ratio) * Math.Sign(book[leg.Account].Lots);
        long q = target - leg.Lots;
        if (q == 0)
        {
            return;
        }

        long notional = checked(Math.Abs(q) * index * k);
        var (fee, slippage) = settings.Cost(notional);
        leg.Lots = target;
        leg.Price = index;
        Notional += notional;
        Costs += fee + slippage;
        Pay(leg.Account, -(fee + slippage), FundMovementReason.HedgeCost, in leg, q > 0 ? Side.Buy : Side.Sell, Math.Abs(q), settings.SlippageRate(notional));
    }

    /// <summary>Moves <paramref name="amount"/> between the hedge venue and the account's cash and reports it.</summary>
    private void Pay(int account, long amount, FundMovementReason reason, in Leg leg, Side side, long lots, long rate)
    {
        if (amount == 0 && lots == 0)
        {
            return;
        }

        book[account].MarginCash += amount;
        book.RecordNetDeposit(amount);
        long fund = book.FundEquity;
        ref var e = ref stage.Emit(ExchangeEventType.InsuranceFund);
        e.FundReason = reason;
        e.Amount = amount;
        e.Engine.AccountId = account;
        e.Engine.Side = side;
        e.Engine.Quantity = new Quantity(lots);
        e.Engine.Price = new Price(leg.Price);
        e.PositionLots = leg.Lots;
        e.Rate = rate;
        e.MarkPrice = new Price(market.Mark);
        e.FundAfter = fund;
        e.FundBefore = account == book.FundAccount ? fund - amount : fund;
    }

    /// <summary>One hedger's open hedge: lots (opposite to its position) and the index it was last settled at.</summary>
    private struct Leg(int account)
    {
        public readonly int Account = account;
        public long Lots;
        public long Price;
    }
}
