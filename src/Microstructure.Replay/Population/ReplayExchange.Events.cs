using Microstructure.Engine;
using Microstructure.Replay.Output;
using Microstructure.Replay.Processing;
using Microstructure.Risk;
using Microstructure.Risk.Accounts;

namespace Microstructure.Replay.Population;

/// <content>Watching the exchange's events: the observer, refusals, liquidation counts, the report.</content>
internal sealed partial class ReplayExchange
{
    private readonly long[] _filledLots;
    private readonly Dictionary<string, long> _refused = [];
    private readonly Dictionary<long, int> _waves = [];
    private long _topUps;
    private long _liquidations;
    private long _liquidatedLots;
    private long _liquidatedNotional;
    private int _maxWave;
    private long _liquidationOrders;
    private long _riskFills;
    private long _riskFilledLots;
    private long _riskLotsFromHistory;
    private long _takeovers;
    private long _adl;

    /// <summary>When the population opened (source time, ns), or null.</summary>
    public long? OpenedAtNs { get; private set; }

    /// <summary>The population's report, with the exchange's money as it stands now.</summary>
    /// <returns>The report.</returns>
    public PopulationReport Report()
    {
        var totals = Exchange.Totals();
        long longs = 0, shorts = 0;
        var opened = 0;
        for (var i = 0; i < Accounts.Count; i++)
        {
            if (_filledLots[i] > 0)
            {
                opened++;
                if (Accounts[i].Side == Side.Buy)
                {
                    longs += _filledLots[i];
                }
                else
                {
                    shorts += _filledLots[i];
                }
            }
        }

        return new PopulationReport
        {
            Design = Spec.Liquidation.Name,
            Seed = Spec.Seed,
            Mark = Spec.Mark switch
            {
                MarkSource.Mid => "mid",
                MarkSource.LastTrade => "last-trade",
                MarkSource.TickerMark => "ticker-mark",
                _ => "median-of-three",
            },
            MarginMode = Spec.MarginMode == MarginMode.Cross ? "cross" : "isolated",
            Accounts = Spec.Accounts,
            Opened = opened,
            OpenedAtNs = OpenedAtNs,
            OpenedLongLots = longs,
            OpenedShortLots = shorts,
            Refused = new SortedDictionary<string, long>(_refused, StringComparer.Ordinal),
            Liquidations = _liquidations,
            LiquidatedLots = _liquidatedLots,
            LiquidatedNotional = _liquidatedNotional,
            MaxWave = _maxWave,
            LiquidationOrders = _liquidationOrders,
            RiskOrderFills = _riskFills,
            RiskOrderFilledLots = _riskFilledLots,
            RiskOrderLotsFromHistory = _riskLotsFromHistory,
            Takeovers = _takeovers,
            AutoDeleverages = _adl,
            BadDebt = Exchange.BadDebt,
            InsuranceFund = Exchange.InsuranceFund,
            Fees = Exchange.FeesCollected,
            NetDeposits = totals.NetDeposits,
            LedgerTotal = totals.Total,
            NetLots = totals.NetLots,
            CollateralTopUps = _topUps,
        };
    }

    /// <summary>
    /// Sees every event first (observer, counts, the watched command's refusal); returns whether the replay's sink
    /// gets it too. A margin refusal of a historical or injected order is not passed on: the order is resent after a
    /// top-up, so for the tape it never happened (the observer still sees it).
    /// </summary>
    internal bool Observe(in ExchangeEvent e)
    {
        _observer?.OnEvent(in e);
        switch (e.Type)
        {
            case ExchangeEventType.Trade:
                OnTrade(in e);
                break;
            case ExchangeEventType.RiskRejected:
                if (e.Engine.AccountId == _watchAccount && (_watchOrder == 0 || e.Engine.OrderId.Value == _watchOrder))
                {
                    _watchReject = e.RiskReason;
                }

                if (e.Engine.AccountId >= PopulationPlan.FirstAccount)
                {
                    var reason = RiskNames.Of(e.RiskReason);
                    _refused[reason] = _refused.GetValueOrDefault(reason) + 1;
                }

                return !(e.Engine.AccountId is ReplayAccounts.Historical or ReplayAccounts.Injected && e.RiskReason == RiskRejectReason.InsufficientMargin);
            case ExchangeEventType.LiquidationTriggered:
                OnLiquidation(in e);
                break;
            case ExchangeEventType.LiquidationOrder:
                _liquidationOrders++;
                break;
            case ExchangeEventType.Takeover:
                _takeovers++;
                break;
            case ExchangeEventType.AutoDeleverage:
                _adl++;
                break;
            default:
                break;
        }

        return true;
    }

    private void OnTrade(in ExchangeEvent e)
    {
        _lastFill = e.Engine.Price.Ticks;
        _filled = true;
        var taker = e.Engine.OrderId.Value;
        if (taker <= 0)
        {
            // Ids <= 0 are the risk layer's own orders: liquidations, the fund's and vault's unwinds, keeper resales.
            _riskFills++;
            _riskFilledLots += e.Engine.Quantity.Lots;
            if (e.Engine.MakerAccountId == ReplayAccounts.Historical)
            {
                _riskLotsFromHistory += e.Engine.Quantity.Lots;
            }
        }
        else if (ReplayOrderIds.IsPopulation(taker))
        {
            _filledLots[e.Engine.AccountId - PopulationPlan.FirstAccount] += e.Engine.Quantity.Lots;
        }
    }

    private void OnLiquidation(in ExchangeEvent e)
    {
        _liquidations++;
        var lots = Math.Abs(e.PositionLots);
        _liquidatedLots += lots;
        _liquidatedNotional = checked(_liquidatedNotional + (lots * e.MarkPrice.Ticks * Exchange.CashPerTickLot));
        var wave = e.ParentLiquidationId != 0 && _waves.TryGetValue(e.ParentLiquidationId, out var parent) ? parent + 1 : 1;
        _waves[e.LiquidationId] = wave;
        _maxWave = Math.Max(_maxWave, wave);
    }
}
