using Microstructure.Agents.Market;
using Microstructure.Agents.Randomness;

namespace Microstructure.Simulation.Environment;

/// <summary>
/// The index (oracle, "other venues") price: a geometric random walk of the fundamental value F with drift μ and
/// volatility σ_t per √second, stepped at a fixed interval, plus scheduled jumps; the published index is
/// exp((1 − w)·ln F + w·ln mid) where w is the weight of this book's own mid (how much the other venues follow it).
/// </summary>
/// <remarks>
/// <para><b>Stochastic volatility</b> (news arrives in bursts; Clark 1973's mixture of distributions): σ_t = σ̄·exp(X_t − s²)
/// with X the sum of independent Ornstein–Uhlenbeck components, one per time scale, each of stationary variance s²/n,
/// so ln σ has standard deviation s and E[σ_t²] = σ̄². Several time scales make the volatility's memory decay slowly.
/// s = 0 gives a constant σ̄.</para>
/// With w = 0 the index ignores the book (a robust mark then shields traders from a crash on this book alone); with
/// w &gt; 0 a crash here drags the index down too, as arbitrage does across real venues. The mid is read from the
/// kernel's delayed public view, so the index never depends on thread timing.
/// </remarks>
internal sealed class IndexProcess
{
    private readonly IndexSettings _settings;
    private readonly SimRandom _random;
    private readonly MarketRules _rules;
    private readonly double[] _components;
    private double _logFundamental;
    private long _lastStep;

    public IndexProcess(IndexSettings settings, SimRandom random, MarketRules rules)
    {
        _settings = settings;
        _random = random;
        _rules = rules;
        _logFundamental = Math.Log(rules.InitialPrice);
        _components = new double[settings.VolatilityTimescalesSeconds.Count];
        double s = settings.VolatilityOfVolatility;
        for (int i = 0; i < _components.Length && s > 0; i++)
        {
            _components[i] = s / Math.Sqrt(_components.Length) * random.NextNormal(); // start from the stationary law
        }
    }

    /// <summary>The current volatility σ_t of ln F per √second.</summary>
    public double Volatility
    {
        get
        {
            double s = _settings.VolatilityOfVolatility;
            double x = 0;
            foreach (double component in _components)
            {
                x += component;
            }

            return _settings.VolatilityPerSqrtSecond * Math.Exp(x - (s * s));
        }
    }

    /// <summary>The fundamental value now, in ticks (not rounded).</summary>
    public double Fundamental => Math.Exp(_logFundamental);

    /// <summary>Advances the random walk to <paramref name="now"/>.</summary>
    public void Step(long now)
    {
        double dt = Math.Max(0, (now - _lastStep) / 1e9);
        _lastStep = now;
        if (dt <= 0)
        {
            return;
        }

        StepVolatility(dt);
        double sigma = Volatility;
        _logFundamental += ((_settings.DriftPerSecond - (0.5 * sigma * sigma)) * dt) + (sigma * Math.Sqrt(dt) * _random.NextNormal());
    }

    private void StepVolatility(double dt)
    {
        double s = _settings.VolatilityOfVolatility;
        if (s <= 0)
        {
            return;
        }

        double each = s / Math.Sqrt(_components.Length);
        for (int i = 0; i < _components.Length; i++)
        {
            // Exact OU step: X ← X·e^(−Δt/τ) + each·√(1 − e^(−2Δt/τ))·Z keeps the stationary variance each².
            double decay = Math.Exp(-dt / _settings.VolatilityTimescalesSeconds[i]);
            _components[i] = (_components[i] * decay) + (each * Math.Sqrt(1 - (decay * decay)) * _random.NextNormal());
        }
    }

    /// <summary>Moves the fundamental value by <paramref name="relative"/> (−0.05 = 5% down).</summary>
    public void Jump(double relative) => _logFundamental += Math.Log(1 + relative);

    /// <summary>The index to publish, in ticks, given the book as the index source sees it.</summary>
    public long Publish(in MarketSnapshot book)
    {
        double w = _settings.BookWeight;
        double log = _logFundamental;
        if (w > 0 && book.HasQuotes)
        {
            log = ((1 - w) * log) + (w * Math.Log(book.Mid));
        }

        return _rules.ClampPrice((long)Math.Round(Math.Exp(log), MidpointRounding.AwayFromZero));
    }
}
