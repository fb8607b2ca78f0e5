using Microstructure.Engine;

namespace Microstructure.Replay.Injection;

/// <summary>
/// Remembers historical liquidity that simulated orders consumed and history still believes exists: per historical
/// order (venue id or level placeholder) and per price. Later historical events that reduce that liquidity are
/// dropped against it, so what simulated flow consumed stays consumed.
/// </summary>
/// <remarks>Touched only when simulated flow trades, so its dictionaries never grow in a plain replay.</remarks>
internal sealed class DepletionLedger
{
    private readonly Dictionary<long, (Side Side, long Price, long Lots)> _byOrder = [];
    private readonly Dictionary<long, long> _byLevel = [];

    /// <summary>True once any depletion was recorded.</summary>
    public bool Any { get; private set; }

    /// <summary>Records that a simulated order took <paramref name="lots"/> from historical order <paramref name="orderId"/>.</summary>
    public void Add(long orderId, Side side, long price, long lots)
    {
        Any = true;
        _byOrder[orderId] = _byOrder.TryGetValue(orderId, out var d) ? (side, price, d.Lots + lots) : (side, price, lots);
        var key = LevelKey(side, price);
        _byLevel[key] = _byLevel.GetValueOrDefault(key) + lots;
    }

    /// <summary>Takes up to <paramref name="lots"/> from the depletion of <paramref name="orderId"/>; returns what was taken.</summary>
    public long Take(long orderId, long lots)
    {
        if (!Any || lots <= 0 || !_byOrder.TryGetValue(orderId, out var d))
        {
            return 0;
        }

        var taken = Math.Min(lots, d.Lots);
        if (taken == d.Lots)
        {
            _byOrder.Remove(orderId);
        }
        else
        {
            _byOrder[orderId] = (d.Side, d.Price, d.Lots - taken);
        }

        var key = LevelKey(d.Side, d.Price);
        var level = _byLevel[key] - taken;
        if (level == 0)
        {
            _byLevel.Remove(key);
        }
        else
        {
            _byLevel[key] = level;
        }

        return taken;
    }

    /// <summary>Outstanding depletion at one price level (all orders there).</summary>
    public long AtLevel(Side side, long price) => Any ? _byLevel.GetValueOrDefault(LevelKey(side, price)) : 0;

    private static long LevelKey(Side side, long price) => (price << 1) | (long)side;
}
