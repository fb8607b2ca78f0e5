namespace Microstructure.Replay.Io;

/// <summary>Classes of bad input; <c>--lenient</c> counts skipped lines per class.</summary>
public enum InputErrorKind : byte
{
    /// <summary>Wrong column count, truncated line, bad header, empty line.</summary>
    Malformed = 0,

    /// <summary>A field that should be a number is not.</summary>
    NotANumber = 1,

    /// <summary>A number outside its allowed set or range (event type, side, negative size, not a tick multiple).</summary>
    InvalidValue = 2,

    /// <summary>An event names an order or liquidity the book does not have.</summary>
    UnknownOrder = 3,

    /// <summary>A timestamp earlier than the previous line's.</summary>
    OutOfOrderTime = 4,

    /// <summary>A snapshot or book row whose best bid is at or above its best ask.</summary>
    CrossedBook = 5,

    /// <summary>A Binance diff event whose <c>pu</c> does not continue the previous event, with no snapshot to resync from.</summary>
    UpdateIdGap = 6,

    /// <summary>Two inputs that must agree do not (message and book files of different lengths).</summary>
    Inconsistent = 7,
}
