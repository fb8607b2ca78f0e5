namespace Microstructure.Engine;

/// <summary>Modifiers of a new order.</summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Venues call them order flags (post-only, reduce-only); it is a [Flags] enum.")]
public enum OrderFlags : byte
{
    /// <summary>No modifier.</summary>
    None = 0,

    /// <summary>Rejected if any part would take liquidity on arrival.</summary>
    PostOnly = 1,

    /// <summary>May only reduce a position. Carried by the engine; enforced by the risk layer.</summary>
    ReduceOnly = 2,
}
