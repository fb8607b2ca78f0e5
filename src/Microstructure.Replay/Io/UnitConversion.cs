namespace Microstructure.Replay.Io;

/// <summary>Outcome of converting a decimal to a whole number of ticks or lots.</summary>
internal enum UnitConversion : byte
{
    /// <summary>Converted exactly.</summary>
    Ok = 0,

    /// <summary>The value is not a whole multiple of the unit (e.g. price 100.05 with tick 0.1).</summary>
    NotMultiple = 1,

    /// <summary>The result does not fit a 64-bit integer.</summary>
    OutOfRange = 2,
}
