namespace Microstructure.Engine;

/// <summary>How long the unfilled part of a limit order lives.</summary>
public enum TimeInForce : byte
{
    /// <summary>Good till cancelled: the remainder rests on the book.</summary>
    Gtc = 0,

    /// <summary>Immediate or cancel: fill what crosses now, cancel the rest.</summary>
    Ioc = 1,

    /// <summary>Fill or kill: fill the whole quantity now or do nothing.</summary>
    Fok = 2,
}
