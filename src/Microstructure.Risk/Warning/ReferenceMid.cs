namespace Microstructure.Risk.Warning;

/// <summary>
/// The price the analysis calls "mid", in half ticks: bid + ask while both sides are quoted; while a side is empty (a
/// sweep took it), twice the last trade before it emptied — the sweep's last fill — held until both sides are quoted
/// again. Skipping those moments hid the trough of a cascade that emptied the bids; following later trades would jump
/// the price across the whole gap to the untouched side. 0 only before anything traded. One definition for the run
/// recorder (its mid series and the depth tape's band) and the live cascade feed's depth band, so that the live depth
/// feature is the tape's.
/// </summary>
public sealed class ReferenceMid
{
    private long _lastTrade;
    private long _oneSided;
    private bool _wasTwoSided;

    /// <summary>The mid now, half ticks (0 = unknown).</summary>
    public long Value { get; private set; }

    /// <summary>A fill at <paramref name="price"/> ticks.</summary>
    public void OnTrade(long price) => _lastTrade = price;

    /// <summary>A new top of book (ticks; 0 = empty side).</summary>
    public void OnTopOfBook(long bid, long ask)
    {
        bool twoSided = bid > 0 && ask > 0;
        if (!twoSided && (_wasTwoSided || Value == 0))
        {
            _oneSided = 2 * _lastTrade;
        }

        _wasTwoSided = twoSided;
        Value = twoSided ? bid + ask : _oneSided;
    }
}
