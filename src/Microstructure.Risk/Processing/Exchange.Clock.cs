using Microstructure.Risk.Accounts;

namespace Microstructure.Risk.Processing;

/// <content>Time-driven work, in a fixed order, when a command moves the clock forward.</content>
public sealed partial class Exchange
{
    /// <summary>
    /// Moves the clock to <paramref name="time"/>: funding premium integrates; a finished pause resumes trading; due
    /// funding settlements run; dynamic margin samples; mark EMAs advance; auctions step; due parked work is queued.
    /// </summary>
    private void AdvanceClock(long time)
    {
        long bid = _engine.BestBid.Ticks, ask = _engine.BestAsk.Ticks, last = _engine.LastTradePrice.Ticks;
        if (_now == long.MinValue)
        {
            _now = time;
            _funding.Start(time);
            _markCalculator.Advance(time, bid, ask, last, _index);
            _dynamicMargin?.Advance(time, _mark);
            return;
        }

        if (_guard.TryResume(time))
        {
            _now = time;
            ref var e = ref Emit(ExchangeEventType.TradingResumed);
            e.Rate = _guard.CurrentLimit;
            e.Price = new Price(_guard.Reference);
        }

        if (_settings.Options.Funding.Enabled)
        {
            while (_funding.NextSettlement <= time)
            {
                long boundary = _funding.NextSettlement;
                _funding.Accumulate(boundary, _mark, _index);
                _now = boundary;
                SettleFunding(scheduled: true);
            }
        }

        _funding.Accumulate(time, _mark, _index);
        _now = time;
        if (_dynamicMargin is not null && _dynamicMargin.Advance(time, _mark))
        {
            ChangeMarginMultiplier(_dynamicMargin.Multiplier);
        }

        _markCalculator.Advance(time, bid, ask, last, _index);
        AfterChange();
        _design.OnClock(this);
        if (_parked.Count > 0)
        {
            _parked.MoveDue(time, _queue);
        }
    }

    /// <summary>
    /// Funding at the rate the premium gives, exchanged on the matched open interest: with L long and S short lots
    /// open and M = min(L, S), a payer pays ⌈F × notional × M / (its side's lots)⌉ and a receiver gets ⌊…⌋, so what is
    /// paid covers what is received and the rounding difference goes to the insurance fund. (Perpetual lots net to
    /// zero unless some sit in the lending pool as collateral, which does not pay funding.)
    /// </summary>
    private void SettleFunding(bool scheduled)
    {
        long rate = _funding.Settle(scheduled);
        long longs = 0, shorts = 0;
        for (int i = 0; i < _positionCount; i++)
        {
            long lots = _accounts[_positions[i]].Lots;
            longs += Math.Max(0, lots);
            shorts += Math.Max(0, -lots);
        }

        long matched = Math.Min(longs, shorts);
        long paid = 0, received = 0;
        if (rate != 0 && _mark > 0 && matched > 0)
        {
            long magnitude = Math.Abs(rate);
            for (int account = 0; account < _accounts.Length; account++)
            {
                ref var a = ref _accounts[account];
                if (a.Lots == 0)
                {
                    continue;
                }

                Int128 numerator = (Int128)_margin.Notional(a.Lots, _mark) * magnitude * matched;
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

                ref var e = ref Emit(ExchangeEventType.FundingPayment);
                e.AccountId = account;
                e.Amount = amount;
                e.Rate = rate;
                e.MarkPrice = new Price(_mark);
                e.PositionLots = a.Lots;
                Touch(account, LiquidationCause.Funding);
            }
        }

        long remainder = paid - received;
        _accounts[_settings.FundAccount].MarginCash += remainder;
        ref var s = ref Emit(ExchangeEventType.FundingSettled);
        s.Rate = rate;
        s.Amount = remainder;
        s.MarkPrice = new Price(_mark);
        s.Price = new Price(_index);
        if (remainder != 0)
        {
            EmitFund(FundMovementReason.FundingRemainder, remainder, _settings.FundAccount, 0);
        }

        AfterChange();
    }

    /// <summary>A new maintenance multiplier re-keys every open position (O(positions)).</summary>
    private void ChangeMarginMultiplier(long multiplier)
    {
        _margin.Multiplier = multiplier;
        ref var e = ref Emit(ExchangeEventType.MarginMultiplier);
        e.Rate = multiplier;
        e.MarkPrice = new Price(_mark);
        for (int i = 0; i < _positionCount; i++)
        {
            int account = _positions[i];
            if ((_accounts[account].Flags & AccountFlags.System) == 0)
            {
                Touch(account, LiquidationCause.MarginMultiplier);
            }
        }
    }
}
