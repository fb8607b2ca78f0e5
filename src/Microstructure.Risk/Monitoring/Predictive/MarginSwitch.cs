namespace Microstructure.Risk.Monitoring.Predictive;

/// <summary>
/// Predictive margin's two-state switch: raise when the probability reaches <c>raiseAt</c>, lower when it falls below
/// <c>lowerAt</c> (hysteresis), never two decisions within the cool-down, and a decision waits until taken
/// (<see cref="TakeChange"/>, when the exchange's clock moves) — no new decision while one is pending.
/// </summary>
internal sealed class MarginSwitch(float raiseAt, float lowerAt, long coolDownNs)
{
    private long _lastDecision = long.MinValue;
    private bool _pending;

    /// <summary>True while raised (after the change has been taken).</summary>
    public bool Raised { get; private set; }

    /// <summary>Times the switch was raised.</summary>
    public long Raises { get; private set; }

    /// <summary>A probability scored at <paramref name="timeNs"/>.</summary>
    public void Observe(long timeNs, float probability)
    {
        bool coolEnough = _lastDecision == long.MinValue || timeNs - _lastDecision >= coolDownNs;
        if (coolEnough && !_pending && (Raised ? probability < lowerAt : probability >= raiseAt))
        {
            _pending = true;
            _lastDecision = timeNs;
        }
    }

    /// <summary>True if a decision was pending: the switch flips now.</summary>
    public bool TakeChange()
    {
        if (!_pending)
        {
            return false;
        }

        _pending = false;
        Raised = !Raised;
        if (Raised)
        {
            Raises++;
        }

        return true;
    }
}
