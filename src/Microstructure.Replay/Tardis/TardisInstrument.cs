namespace Microstructure.Replay.Tardis;

/// <summary>The exchange and symbol of a Tardis replay: those of the first row read, which every later row of every file must repeat.</summary>
internal sealed class TardisInstrument
{
    /// <summary>The exchange column's bytes (null until the first row).</summary>
    public byte[]? Exchange { get; set; }

    /// <summary>The symbol column's bytes (null until the first row).</summary>
    public byte[]? Symbol { get; set; }

    /// <summary>"file:line" of the row they come from.</summary>
    public string? Where { get; set; }
}
