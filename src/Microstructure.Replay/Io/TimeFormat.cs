namespace Microstructure.Replay.Io;

/// <summary>How a source writes time; everything is converted to nanoseconds.</summary>
public enum TimeFormat : byte
{
    /// <summary>Seconds with a decimal fraction (LOBSTER: seconds after midnight).</summary>
    Seconds = 0,

    /// <summary>Integer microseconds (Tardis: since the Unix epoch).</summary>
    Microseconds = 1,

    /// <summary>Integer milliseconds (Binance: since the Unix epoch).</summary>
    Milliseconds = 2,
}
