namespace Microstructure.Engine;

/// <summary>Modifiers of a new order.</summary>
[Flags]
public enum OrderFlags : byte
{
    /// <summary>No modifier.</summary>
    None = 0,

    /// <summary>Rejected if any part would take liquidity on arrival.</summary>
    PostOnly = 1,

    /// <summary>May only reduce a position. Carried by the engine; enforced by the risk layer.</summary>
    ReduceOnly = 2,
}
