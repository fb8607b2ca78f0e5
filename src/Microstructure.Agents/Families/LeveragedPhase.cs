namespace Microstructure.Agents.Families;

/// <summary>Where a <see cref="LeveragedTrader"/> is in its round.</summary>
internal enum LeveragedPhase : byte
{
    /// <summary>Before its first entry time.</summary>
    Waiting = 0,

    /// <summary>Its entry order is working.</summary>
    Opening = 1,

    /// <summary>Holding a position.</summary>
    Open = 2,

    /// <summary>Its own closing order is working.</summary>
    Closing = 3,

    /// <summary>Flat, waiting to re-lever.</summary>
    CoolingDown = 4,

    /// <summary>Out for good (no equity left, or the re-lever limit reached).</summary>
    Retired = 5,
}
