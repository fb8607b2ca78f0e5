namespace Microstructure.Simulation.Kernel;

/// <content>Reading the exchange's events back: observer, public market history, agents' inboxes, deliveries.</content>
internal sealed partial class SimulationKernel
{
    /// <summary>Reads every event of the oldest command not read yet.</summary>
    private void IngestNext()
    {
        long sequence = _ingested++;
        long arrival = _sentAt.Dequeue();
        _port.WaitFor(sequence);
        bool changed = false;
        while (_pending.Unread > 0 && _pending[_pending.NextIndex].Engine.CommandSequence == sequence)
        {
            long index = _pending.NextIndex;
            ref readonly var e = ref _pending[index];
            _exchangeEvents++;
            _observer?.OnEvent(in e);
            changed |= _tape.Apply(in e);
            Route(in e, index, arrival);
            _pending.MarkRead();
        }

        if (changed)
        {
            _history.Record(_tape.Snapshot(arrival));
            _history.Forget(arrival - _historyWindow - 1);
        }
    }

    /// <summary>
    /// Queues the event (number <paramref name="index"/> in the store) for the agents it concerns: its account(s), and
    /// subscribers of public liquidation/auction news.
    /// </summary>
    private void Route(in ExchangeEvent e, long index, long arrival)
    {
        switch (e.Type)
        {
            case ExchangeEventType.TopOfBook or ExchangeEventType.L2Level or ExchangeEventType.IndexPrice or ExchangeEventType.MarkPrice
                or ExchangeEventType.FundingSettled or ExchangeEventType.TradingHalted or ExchangeEventType.TradingResumed
                or ExchangeEventType.MarginMultiplier:
                return; // public data: agents see it through their delayed market view
            case ExchangeEventType.InsuranceFund when e.FundReason is FundMovementReason.HedgePnl or FundMovementReason.HedgeCost:
                // A hedging maker's own hedge (issue 15 §4) is kept by the exchange on a venue outside it; the maker's
                // quoting does not read it, and a delivery would draw its latency jitter and so move every later
                // delivery: hedged and unhedged runs of one seed stay comparable, the hedge acting only through margin.
                return;
        }

        int first = AgentOf(e.Engine.AccountId);
        Enqueue(first, index, arrival);
        int second = e.Type switch
        {
            ExchangeEventType.Trade => AgentOf(e.Engine.MakerAccountId),
            ExchangeEventType.Takeover or ExchangeEventType.AutoDeleverage or ExchangeEventType.AuctionTake => AgentOf(e.CounterpartyAccountId),
            _ => -1,
        };
        if (second != first)
        {
            Enqueue(second, index, arrival);
        }

        int[]? subscribers = e.Type switch
        {
            ExchangeEventType.LiquidationTriggered or ExchangeEventType.LiquidationOrder or ExchangeEventType.LiquidationFinished => _liquidationSubscribers,
            >= ExchangeEventType.AuctionStarted and <= ExchangeEventType.AuctionFinished => _auctionSubscribers,
            _ => null,
        };
        if (subscribers is not null)
        {
            foreach (int agent in subscribers)
            {
                if (agent != first && agent != second)
                {
                    Enqueue(agent, index, arrival);
                }
            }
        }
    }

    private int AgentOf(long account) => (ulong)account < (ulong)_agentOfAccount.Length ? _agentOfAccount[account] : -1;

    private void Enqueue(int agent, long index, long arrival)
    {
        if (agent < 0)
        {
            return;
        }

        long time = Math.Max(arrival + _latencyOut[agent] + Jitter(agent), _lastDelivery[agent]);
        _lastDelivery[agent] = time;
        _pending.Hold(index);
        _inbox[agent].Enqueue(index, time);
        if (!_deliveryScheduled[agent])
        {
            _deliveryScheduled[agent] = true;
            Schedule(time, ItemKind.Delivery, agent, 0);
        }
    }

    /// <summary>Hands the agent every inbox event due by now, then schedules the next delivery if more wait.</summary>
    private void Deliver(int agent)
    {
        _deliveryScheduled[agent] = false;
        var inbox = _inbox[agent];
        var target = _agents[agent];
        Enter(agent);
        while (inbox.Count > 0 && inbox.PeekTime <= _now)
        {
            _deliveries++;
            long index = inbox.PeekIndex;
            target.Receive(this, in _pending[index]);
            inbox.Dequeue();
            _pending.Release(index);
        }

        _current = -1;
        if (inbox.Count > 0)
        {
            _deliveryScheduled[agent] = true;
            Schedule(inbox.PeekTime, ItemKind.Delivery, agent, 0);
        }
    }
}
