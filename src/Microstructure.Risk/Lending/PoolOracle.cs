namespace Microstructure.Risk.Lending;

/// <summary>The price the lending pool values collateral at.</summary>
public enum PoolOracle : byte
{
    /// <summary>The mark price: the order book feeds back into health factors (the recursive loop).</summary>
    Mark = 0,

    /// <summary>The index price only: book moves do not reach the pool.</summary>
    Index = 1,
}
