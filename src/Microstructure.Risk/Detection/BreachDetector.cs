using Microstructure.Risk.Margin;

namespace Microstructure.Risk.Detection;

/// <summary>
/// Keeps every perpetual position keyed at its liquidation threshold — longs in one <see cref="ThresholdIndex"/>,
/// shorts in another — so that finding the accounts a mark move breached costs O(breached), not O(accounts).
/// </summary>
/// <remarks>
/// It knows prices and thresholds, not accounts: the ledger re-keys an account whenever its cash or position changes
/// (<see cref="Rekey"/>), and the exchange pops what the new mark breached. Ties come out in the order they were keyed,
/// so the order in which the ledger re-keys is part of the exchange's deterministic output.
/// </remarks>
internal sealed class BreachDetector
{
    private readonly MarginModel _margin;
    private readonly ThresholdIndex _longs;
    private readonly ThresholdIndex _shorts;

    /// <summary>Creates empty indexes over the instrument's price range.</summary>
    /// <param name="accounts">Account ids are 0 … accounts − 1.</param>
    /// <param name="minPrice">The instrument's lowest price (ticks).</param>
    /// <param name="maxPrice">The instrument's highest price (ticks).</param>
    /// <param name="margin">Gives each position its threshold.</param>
    public BreachDetector(int accounts, long minPrice, long maxPrice, MarginModel margin)
    {
        _margin = margin;
        _longs = new ThresholdIndex(accounts, minPrice, maxPrice, breachedAtOrBelow: true);
        _shorts = new ThresholdIndex(accounts, minPrice, maxPrice, breachedAtOrBelow: false);
    }

    /// <summary>
    /// Puts the account at the threshold of its position (<paramref name="cash"/>, <paramref name="lots"/>,
    /// <paramref name="costBasis"/>) in the long or short index, or takes it out when <paramref name="excluded"/>
    /// (system, queued or in liquidation) or when no price in range breaches it.
    /// </summary>
    public void Rekey(int account, bool excluded, long cash, long lots, long costBasis)
    {
        if (excluded)
        {
            _longs.Remove(account);
            _shorts.Remove(account);
            return;
        }

        long threshold = _margin.Threshold(cash, lots, costBasis);
        if (threshold == MarginModel.NotIndexed)
        {
            _longs.Remove(account);
            _shorts.Remove(account);
        }
        else if (lots > 0)
        {
            _shorts.Remove(account);
            _longs.Set(account, threshold);
        }
        else
        {
            _longs.Remove(account);
            _shorts.Set(account, threshold);
        }
    }

    /// <summary>
    /// Removes and returns the most severe account breached at <paramref name="mark"/> — longs first (highest threshold
    /// first), then shorts (lowest first) — or −1 when none is. O(1) when none is.
    /// </summary>
    public int PopBreached(long mark)
    {
        int account = _longs.PopBreached(mark);
        return account >= 0 ? account : _shorts.PopBreached(mark);
    }

    /// <summary>The account's liquidation threshold as the indexes hold it (ticks); false when it is in neither index.</summary>
    public bool TryGetThreshold(int account, out long threshold)
    {
        if (_longs.Contains(account))
        {
            threshold = _longs.KeyOf(account);
            return true;
        }

        if (_shorts.Contains(account))
        {
            threshold = _shorts.KeyOf(account);
            return true;
        }

        threshold = 0;
        return false;
    }

    /// <summary>Adds the accounts breached at <paramref name="mark"/> to <paramref name="result"/> without removing them (tests).</summary>
    public void CollectBreached(long mark, List<int> result)
    {
        _longs.CollectBreached(mark, result);
        _shorts.CollectBreached(mark, result);
    }
}
