using Microstructure.Engine.Matching;
using Microstructure.Risk.Accounts;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Ledger;

/// <summary>
/// Risk checks an order command passes before it reaches the book: account state, the price band and halt, reduce-only
/// capacity, the position limit, the bracket's leverage and the margin for the worst case. A market order under an
/// active band is rewritten into an IOC (or FOK) limit at the band's edge.
/// </summary>
internal sealed class PreTradeCheck(
    AccountBook book,
    OrderTable orders,
    MatchingEngine engine,
    MarginModel margin,
    MarketGuard guard,
    MarketState market,
    long k,
    long takerFee,
    long maxPositionLots,
    long marketBuffer)
{
    /// <summary>Why <paramref name="order"/> of <paramref name="account"/> is refused, or None (the engine may still refuse it with its own reason).</summary>
    public RiskRejectReason Check(ref OrderCommand order, int account)
    {
        ref var a = ref book[account];
        if (a.IsSystem)
        {
            return RiskRejectReason.SystemAccount;
        }

        if ((a.Flags & AccountFlags.InLiquidation) != 0)
        {
            return order.Type == CommandType.Cancel ? RiskRejectReason.None : RiskRejectReason.AccountInLiquidation;
        }

        switch (order.Type)
        {
            case CommandType.Place:
                if (order.OrderId.Value <= 0)
                {
                    return RiskRejectReason.ReservedOrderId;
                }

                return guard.IsHalted(market.Now) ? RiskRejectReason.TradingHalted : CheckPlace(ref order, ref a);
            case CommandType.Amend:
                return guard.IsHalted(market.Now) ? RiskRejectReason.TradingHalted : CheckAmend(in order, ref a);
            default:
                return RiskRejectReason.None;
        }
    }

    private RiskRejectReason CheckPlace(ref OrderCommand order, ref AccountState a)
    {
        long q = order.Quantity.Lots;
        if (q <= 0 || (uint)order.Side > (uint)Side.Sell)
        {
            return RiskRejectReason.None; // the engine refuses it with its own reason
        }

        if (q > maxPositionLots)
        {
            // No fill of it could be held: the cap keeps a position's value at the highest price inside 64-bit cash
            // (the engine's own maximum may be larger, so it is refused here, before any notional is computed).
            return RiskRejectReason.PositionLimit;
        }

        var side = order.Side;
        if (guard.IsActive)
        {
            if (order.OrderType is OrderType.Limit or OrderType.StopLimit && guard.IsOutside(side, order.Price.Ticks, market.Mark, market.Index))
            {
                return RiskRejectReason.PriceOutsideBand;
            }

            if (order.OrderType == OrderType.Market)
            {
                long edge = guard.ClampLimit(side, 0, market.Mark, market.Index);
                if (edge > 0)
                {
                    // A market order cannot trade beyond the band: it becomes an IOC (or FOK) limit at the edge.
                    order.OrderType = OrderType.Limit;
                    order.TimeInForce = order.TimeInForce == TimeInForce.Fok ? TimeInForce.Fok : TimeInForce.Ioc;
                    order.Price = new Price(edge);
                }
            }
        }

        if ((order.Flags & OrderFlags.ReduceOnly) != 0)
        {
            long reducible = side == Side.Buy ? Math.Max(0, -a.Lots) : Math.Max(0, a.Lots);
            long already = side == Side.Buy ? a.ReduceOnlyBuyLots : a.ReduceOnlySellLots;
            return q <= reducible - already ? RiskRejectReason.None : RiskRejectReason.ReduceOnlyWouldIncrease;
        }

        long buys = a.OpenBuyLots + (side == Side.Buy ? q : 0);
        long sells = a.OpenSellLots + (side == Side.Sell ? q : 0);
        return CheckExposure(ref a, buys, sells, Valuation(in order), q);
    }

    private RiskRejectReason CheckAmend(in OrderCommand order, ref AccountState a)
    {
        int slot = orders.Find(order.OrderId.Value);
        if (slot < 0 || orders.Account(slot) != order.AccountId)
        {
            return RiskRejectReason.None; // the engine refuses it (unknown order / not owner)
        }

        var side = orders.Side(slot);
        long newQty = order.Quantity.Lots;
        long delta = newQty - orders.Open(slot);
        if (guard.IsActive && newQty > 0 && guard.IsOutside(side, order.Price.Ticks, market.Mark, market.Index))
        {
            return RiskRejectReason.PriceOutsideBand;
        }

        if (orders.IsReduceOnly(slot))
        {
            long reducible = side == Side.Buy ? Math.Max(0, -a.Lots) : Math.Max(0, a.Lots);
            long already = side == Side.Buy ? a.ReduceOnlyBuyLots : a.ReduceOnlySellLots;
            return delta <= 0 || already + delta <= reducible ? RiskRejectReason.None : RiskRejectReason.ReduceOnlyWouldIncrease;
        }

        if (delta <= 0 && order.Price.Ticks == orders.Price(slot))
        {
            return RiskRejectReason.None;
        }

        long buys = a.OpenBuyLots + (side == Side.Buy ? Math.Max(0, delta) : 0);
        long sells = a.OpenSellLots + (side == Side.Sell ? Math.Max(0, delta) : 0);
        long valuation = Math.Max(market.Mark, order.Price.Ticks);
        return CheckExposure(ref a, buys, sells, valuation, Math.Max(0, newQty));
    }

    /// <summary>
    /// The worst-case position (every open buy, or every open sell, filled) must fit the position limit, the
    /// bracket's leverage and the account's margin, valued at <paramref name="valuation"/> ticks. Orders that do not
    /// enlarge the worst case always pass.
    /// </summary>
    private RiskRejectReason CheckExposure(ref AccountState a, long buys, long sells, long valuation, long orderLots)
    {
        long worstBefore = AccountBook.Worst(a.Lots, a.OpenBuyLots, a.OpenSellLots);
        long worstAfter = AccountBook.Worst(a.Lots, buys, sells);
        if (worstAfter > maxPositionLots)
        {
            return RiskRejectReason.PositionLimit;
        }

        if (worstAfter <= worstBefore || valuation <= 0)
        {
            return RiskRejectReason.None;
        }

        long notional = worstAfter * valuation * k;
        if (margin.Brackets.MaxLeverage(notional) < a.Leverage)
        {
            return RiskRejectReason.LeverageTooHigh;
        }

        long fee = FixedPoint.RateCeil(orderLots * valuation * k, takerFee);
        long available;
        if (a.Mode == MarginMode.Cross)
        {
            available = book.AvailableCross(ref a, notional);
        }
        else
        {
            long growth = Math.Max(Math.Max(0, a.Lots + buys) - Math.Max(0, a.Lots), Math.Max(0, sells - a.Lots) - Math.Max(0, -a.Lots));
            available = a.FreeCash - margin.InitialMargin(growth * valuation * k, a.Leverage);
        }

        return available - fee >= 0 ? RiskRejectReason.None : RiskRejectReason.InsufficientMargin;
    }

    /// <summary>Price (ticks) an order is margined at: max(mark, its limit); market orders max(mark, best opposite or stop) × (1 + buffer).</summary>
    private long Valuation(in OrderCommand order)
    {
        if (order.OrderType is OrderType.Limit or OrderType.StopLimit)
        {
            return Math.Max(market.Mark, order.Price.Ticks);
        }

        long reference = order.OrderType == OrderType.StopMarket
            ? order.StopPrice.Ticks
            : (order.Side == Side.Buy ? engine.BestAsk.Ticks : engine.BestBid.Ticks);
        long basis = Math.Max(market.Mark, reference);
        return basis + FixedPoint.RateCeil(basis, marketBuffer);
    }
}
