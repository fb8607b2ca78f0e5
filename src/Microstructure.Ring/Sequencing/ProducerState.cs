using System.Runtime.InteropServices;

namespace Microstructure.Ring;

/// <summary>
/// The single producer's private claim state, padded so that its constant writes never share
/// a cache line with data that consumers read.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = (2 * Padding.Size) + (2 * sizeof(long)))]
internal struct ProducerState
{
    /// <summary>The highest sequence claimed by the producer.</summary>
    [FieldOffset(Padding.Size)]
    public long NextValue;

    /// <summary>The last observed minimum of the gating sequences.</summary>
    [FieldOffset(Padding.Size + sizeof(long))]
    public long CachedGatingValue;
}
