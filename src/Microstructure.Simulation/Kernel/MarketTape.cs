using Microstructure.Agents.Market;

namespace Microstructure.Simulation.Kernel;

/// <summary>
/// The public market state the kernel builds from the exchange's events as it reads them: top of book, last trade,
/// mark, index, volume, and two exponentially weighted volatilities of the mid (a short and a long window).
/// </summary>
/// <remarks>
/// Volatility is an EWMA of the variance rate: at each mid change, v ← v·e^(−Δt/τ) + r²/τ with r the log return of
/// the mid and Δt the time since the previous change, so √v is the volatility per √second over roughly the last τ.
/// Doubles are fine here: the arithmetic is the same on every run, and nothing of it enters the exchange's money.
/// </remarks>
internal sealed class MarketTape
{
    private readonly double _shortTau;
    private readonly double _longTau;
    private long _bid;
    private long _bidQty;
    private long _ask;
    private long _askQty;
    private long _last;
    private long _mark;
    private long _index;
    private long _volume;
    private double _shortVariance;
    private double _longVariance;
    private double _lastLogMid = double.NaN;
    private long _lastMidTime;

    public MarketTape(double shortTauSeconds, double longTauSeconds)
    {
        _shortTau = shortTauSeconds;
        _longTau = longTauSeconds;
    }

    /// <summary>Applies a public event; returns whether the public state changed.</summary>
    public bool Apply(in ExchangeEvent e)
    {
        switch (e.Type)
        {
            case ExchangeEventType.TopOfBook:
                _bid = e.Engine.BidPrice.Ticks;
                _bidQty = e.Engine.BidQuantity.Lots;
                _ask = e.Engine.AskPrice.Ticks;
                _askQty = e.Engine.AskQuantity.Lots;
                if (_bid > 0 && _ask > 0)
                {
                    OnMid(Math.Log((_bid + _ask) * 0.5), e.Engine.Timestamp.Nanoseconds);
                }

                return true;
            case ExchangeEventType.Trade:
                _last = e.Engine.Price.Ticks;
                _volume += e.Engine.Quantity.Lots;
                return true;
            case ExchangeEventType.MarkPrice:
                _mark = e.MarkPrice.Ticks;
                return true;
            case ExchangeEventType.IndexPrice:
                _index = e.Engine.Price.Ticks;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The state now, described as of <paramref name="timeNs"/>.</summary>
    public MarketSnapshot Snapshot(long timeNs) =>
        new(timeNs, _bid, _bidQty, _ask, _askQty, _last, _mark, _index, _volume, Math.Sqrt(_shortVariance), Math.Sqrt(_longVariance));

    private void OnMid(double logMid, long time)
    {
        if (double.IsNaN(_lastLogMid))
        {
            _lastLogMid = logMid;
            _lastMidTime = time;
            return;
        }

        double r = logMid - _lastLogMid;
        if (r == 0)
        {
            return;
        }

        double dt = (time - _lastMidTime) / 1e9;
        _shortVariance = (_shortVariance * Math.Exp(-dt / _shortTau)) + (r * r / _shortTau);
        _longVariance = (_longVariance * Math.Exp(-dt / _longTau)) + (r * r / _longTau);
        _lastLogMid = logMid;
        _lastMidTime = time;
    }
}
