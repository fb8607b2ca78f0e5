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
    /// Funding at the rate the premium gives: every open position pays or receives rate × notional at the mark; payers
    /// round up, receivers down, and the difference goes to the insurance fund.
    /// </summary>
    private void SettleFunding(bool scheduled)
    {
        long rate = _funding.Settle(scheduled);
        long paid = 0, received = 0;
        if (rate != 0 && _mark > 0)
        {
            long magnitude = Math.Abs(rate);
            for (int account = 0; account < _accounts.Length; account++)
            {
                ref var a = ref _accounts[account];
                if (a.Lots == 0)
                {
                    continue;
                }

                long notional = _margin.Notional(a.Lots, _mark);
                bool pays = (a.Lots > 0) == (rate > 0);
                long amount = pays ? -FixedPoint.RateCeil(notional, magnitude) : FixedPoint.RateFloor(notional, magnitude);
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
