using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Series;
using Microstructure.Analysis.StylizedFacts;

namespace Microstructure.Runner.Diagnostics;

/// <summary>
/// An observer that keeps what the realism check needs — the mid (in half-ticks, so bid + ask stays exact) after every
/// book change, and each market order's filled size with the mid just before and just after its command — and then
/// measures the stylized facts of returns and the square-root impact law with the Analysis library.
/// </summary>
/// <remarks>
/// "Just after" is after every event of the order's command (liquidations it triggers included): the immediate
/// impact of what the order did to the book. Liquidation orders (negative ids) are not counted as market orders.
/// </remarks>
internal sealed class MarketQualityProbe : IExchangeEventObserver
{
    private readonly List<long> _midTimes = [];
    private readonly List<long> _mids = [];
    private readonly List<MarketOrderImpact> _orders = [];
    private long _mid;
    private long _sequence = -1;
    private long _pendingOrder;
    private long _pendingTime;
    private Side _pendingSide;
    private long _pendingFilled;
    private long _pendingMidBefore;
    private long _trades;
    private double _spreadSum;
    private long _spreadCount;
    private long _lastTime;

    /// <inheritdoc />
    public void OnEvent(in ExchangeEvent e)
    {
        if (e.Engine.CommandSequence != _sequence)
        {
            FinishPending();
            _sequence = e.Engine.CommandSequence;
        }

        _lastTime = e.Engine.Timestamp.Nanoseconds;
        switch (e.Type)
        {
            case ExchangeEventType.Accepted when e.Engine.OrderType == OrderType.Market && e.Engine.OrderId.Value > 0:
                _pendingOrder = e.Engine.OrderId.Value;
                _pendingTime = e.Engine.Timestamp.Nanoseconds;
                _pendingSide = e.Engine.Side;
                _pendingFilled = 0;
                _pendingMidBefore = _mid;
                break;
            case ExchangeEventType.Trade:
                _trades++;
                if (e.Engine.OrderId.Value == _pendingOrder && _pendingOrder != 0)
                {
                    _pendingFilled += e.Engine.Quantity.Lots;
                }

                break;
            case ExchangeEventType.TopOfBook when e.Engine.BidPrice.Ticks > 0 && e.Engine.AskPrice.Ticks > 0:
                _mid = e.Engine.BidPrice.Ticks + e.Engine.AskPrice.Ticks;
                _spreadSum += e.Engine.AskPrice.Ticks - e.Engine.BidPrice.Ticks;
                _spreadCount++;
                if (_midTimes.Count > 0 && _midTimes[^1] == e.Engine.Timestamp.Nanoseconds)
                {
                    _mids[^1] = _mid;
                }
                else
                {
                    _midTimes.Add(e.Engine.Timestamp.Nanoseconds);
                    _mids.Add(_mid);
                }

                break;
        }
    }

    /// <summary>Measures the run observed so far.</summary>
    /// <param name="options">Warm-up, return horizon, impact window; null = defaults.</param>
    public RealismReport Analyze(RealismOptions? options = null)
    {
        options ??= new RealismOptions();
        FinishPending();
        var mid = new StepSeries(_midTimes.ToArray(), _mids.ToArray(), _lastTime);
        long start = options.WarmupNs;
        var returns = LogReturns.FromSeries(mid, start, options.ReturnStepNs);
        var facts = StylizedFactsAnalyzer.Analyze(returns);

        var orders = _orders.Where(o => o.TimeNs >= start && o.Quantity > 0 && o.MidBefore > 0 && o.MidAfter > 0).ToArray();
        long duration = Math.Max(1, _lastTime - start);
        long volume = orders.Sum(o => o.Quantity);
        double v = ImpactScale.VolumePerWindow(Math.Max(1, volume), duration, options.ImpactWindowNs);
        double sigma = ImpactScale.VolatilityPerWindow(mid, start, options.ImpactWindowNs);
        var sizes = new double[orders.Length];
        var impacts = new double[orders.Length];
        ImpactMeasures.NormalizedSizes(orders, v, sizes);
        ImpactMeasures.Immediate(orders, impacts);
        var bins = ImpactBinning.LogBins(sizes, impacts);
        var fit = sigma > 0 ? SquareRootLaw.Fit(bins, sigma) : default;
        return new RealismReport(facts, fit, bins, orders.Length, _trades, _spreadCount == 0 ? double.NaN : _spreadSum / _spreadCount);
    }

    private void FinishPending()
    {
        if (_pendingOrder == 0)
        {
            return;
        }

        _orders.Add(new MarketOrderImpact(_pendingTime, _pendingSide, _pendingFilled, _pendingMidBefore, _mid, 0));
        _pendingOrder = 0;
    }
}
