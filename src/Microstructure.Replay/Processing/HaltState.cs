namespace Microstructure.Replay.Processing;

/// <summary>Trading state announced by a LOBSTER type-7 message.</summary>
internal enum HaltState : byte
{
    /// <summary>Normal trading.</summary>
    Trading = 0,

    /// <summary>Trading halted (price −1).</summary>
    Halted = 1,

    /// <summary>Quotes may be entered again, trades not yet (price 0).</summary>
    Quoting = 2,
}
