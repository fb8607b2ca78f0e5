namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>
/// The liquidation engine's rate limit: at most <c>maxPerWindow</c> queue tickets in each clock window of
/// <c>window</c> ns. Windows are aligned to multiples of the window length (not to the first ticket), so the pace
/// depends only on the exchange clock — never on wall time or thread timing.
/// </summary>
internal sealed class LiquidationPacer(long window, int maxPerWindow)
{
    private long _windowStart = long.MinValue;
    private int _taken;

    /// <summary>Whether a ticket may be worked at <paramref name="now"/>; if so it is counted.</summary>
    public bool TryTake(long now)
    {
        if (maxPerWindow == 0)
        {
            return true;
        }

        long start = now - (((now % window) + window) % window);
        if (start != _windowStart)
        {
            _windowStart = start;
            _taken = 0;
        }

        if (_taken >= maxPerWindow)
        {
            return false;
        }

        _taken++;
        return true;
    }
}
