using Microstructure.Engine.Matching;
using Microstructure.Risk.Ledger;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Liquidation.Desk;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Monitoring.Predictive;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Staging;

namespace Microstructure.Risk.Processing;

/// <summary>
/// Time-driven work, in a fixed order, when a command moves the clock forward — and funding settlement, which the
/// clock (at each interval boundary) or a command starts.
/// </summary>
internal sealed class MarketClock(
    ExchangeSettings settings,
    MatchingEngine engine,
    MarginModel margin,
    MarkPriceCalculator markCalculator,
    FundingClock funding,
    MarketGuard guard,
    DynamicMargin? dynamicMargin,
    PredictiveMargin? predictiveMargin,
    MarketState market,
    EventStage stage,
    AccountBook book,
    MarketWatch watch,
    LiquidationDesign design,
    ILiquidationDesk desk,
    ParkedWork parked,
    LiquidationQueue queue)
{
    /// <summary>
    /// Moves the clock to <paramref name="time"/>: funding premium integrates; a finished pause resumes trading; due
    /// funding settlements run; dynamic margin samples; mark EMAs advance; the mark is refreshed and breaches detected;
    /// auctions step; due parked work is queued.
    /// </summary>
    public void Advance(long time)
    {
        long bid = engine.BestBid.Ticks, ask = engine.BestAsk.Ticks, last = engine.LastTradePrice.Ticks;
        if (market.Now == long.MinValue)
        {
            market.Now = time;
            funding.Start(time);
            markCalculator.Advance(time, bid, ask, last, market.Index);
            dynamicMargin?.Advance(time, market.Mark);
            return;
        }

        if (guard.TryResume(time))
        {
            market.Now = time;
            ref var e = ref stage.Emit(ExchangeEventType.TradingResumed);
            e.Rate = guard.CurrentLimit;
            e.Engine.Price = new Price(guard.Reference);
        }

        if (settings.Options.Funding.Enabled)
        {
            while (funding.NextSettlement <= time)
            {
                long boundary = funding.NextSettlement;
                funding.Accumulate(boundary, market.Mark, market.Index);
                market.Now = boundary;
                SettleFunding(scheduled: true);
            }
        }

        funding.Accumulate(time, market.Mark, market.Index);
        market.Now = time;
        bool dynamicChanged = dynamicMargin is not null && dynamicMargin.Advance(time, market.Mark);
        bool predictiveChanged = predictiveMargin is not null && predictiveMargin.TakeChange();
        if (dynamicChanged || predictiveChanged)
        {
            ChangeMarginMultiplier();
        }

        markCalculator.Advance(time, bid, ask, last, market.Index);
        watch.OnClock(time);
        design.OnClock(desk);
        if (parked.Count > 0)
        {
            parked.MoveDue(time, queue);
        }
    }

    /// <summary>The settle-funding command: the premium integrates to now, then funding settles off-schedule.</summary>
    public void SettleFundingNow()
    {
        funding.Accumulate(market.Now, market.Mark, market.Index);
        SettleFunding(scheduled: false);
    }

    /// <summary>
    /// Funding at the rate the premium gives, exchanged on the matched open interest: with L long and S short lots
    /// open and M = min(L, S), a payer pays ⌈F × notional × M / (its side's lots)⌉ and a receiver gets ⌊…⌋, so what is
    /// paid covers what is received and the rounding difference goes to the insurance fund. (Perpetual lots net to
    /// zero unless some sit in the lending pool as collateral, which does not pay funding.)
    /// </summary>
    private void SettleFunding(bool scheduled)
    {
        long rate = funding.Settle(scheduled);
        long mark = market.Mark;
        long longs = 0, shorts = 0;
        foreach (int position in book.Positions)
        {
            long lots = book[position].Lots;
            longs += Math.Max(0, lots);
            shorts += Math.Max(0, -lots);
        }

        long matched = Math.Min(longs, shorts);
        long paid = 0, received = 0;
        if (rate != 0 && mark > 0 && matched > 0)
        {
            long magnitude = Math.Abs(rate);
            for (int account = 0; account < book.Count; account++)
            {
                ref var a = ref book[account];
                if (a.Lots == 0)
                {
                    continue;
                }

                Int128 numerator = (Int128)margin.Notional(a.Lots, mark) * magnitude * matched;
                Int128 denominator = (Int128)FixedPoint.RateScale * (a.Lots > 0 ? longs : shorts);
                bool pays = (a.Lots > 0) == (rate > 0);
                long amount = pays
                    ? -(long)FixedPoint.CeilDiv(numerator, denominator)
                    : (long)FixedPoint.FloorDiv(numerator, denominator);
                if (amount == 0)
                {
                    continue;
                }

                a.MarginCash += amount;
                if (pays)
                {
                    paid -= amount;
                }
                else
                {
                    received += amount;
                }

                ref var e = ref stage.Emit(ExchangeEventType.FundingPayment);
                e.Engine.AccountId = account;
                e.Amount = amount;
                e.Rate = rate;
                e.MarkPrice = new Price(mark);
                e.PositionLots = a.Lots;
                book.Touch(account, LiquidationCause.Funding);
            }
        }

        long remainder = paid - received;
        book[book.FundAccount].MarginCash += remainder;
        ref var s = ref stage.Emit(ExchangeEventType.FundingSettled);
        s.Rate = rate;
        s.Amount = remainder;
        s.MarkPrice = new Price(mark);
        s.Engine.Price = new Price(market.Index);
        if (remainder != 0)
        {
            book.EmitFund(FundMovementReason.FundingRemainder, remainder, book.FundAccount, 0);
        }

        watch.AfterChange();
    }

    /// <summary>
    /// New margin multipliers: maintenance = dynamic margin's × predictive margin's factor (rounded up, against the
    /// trader), initial = predictive margin's factor. The event carries the maintenance multiplier (and, with predictive
    /// margin, the initial one in Amount). Re-keys every open position (O(positions)).
    /// </summary>
    private void ChangeMarginMultiplier()
    {
        long multiplier = dynamicMargin?.Multiplier ?? FixedPoint.RateScale;
        if (predictiveMargin is not null)
        {
            multiplier = FixedPoint.RateCeil(multiplier, predictiveMargin.Factor);
            margin.InitialMultiplier = predictiveMargin.Factor;
        }

        margin.Multiplier = multiplier;
        ref var e = ref stage.Emit(ExchangeEventType.MarginMultiplier);
        e.Rate = multiplier;
        if (predictiveMargin is not null)
        {
            e.Amount = predictiveMargin.Factor;
        }

        e.MarkPrice = new Price(market.Mark);
        foreach (int account in book.Positions)
        {
            if ((book[account].Flags & AccountFlags.System) == 0)
            {
                book.Touch(account, LiquidationCause.MarginMultiplier);
            }
        }
    }
}
