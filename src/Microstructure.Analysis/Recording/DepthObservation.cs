namespace Microstructure.Analysis.Recording;

/// <summary>One L2 snapshot reduced to the depth near the mid (a row of <c>tape/depth</c>).</summary>
/// <param name="TimeNs">Snapshot time, ns.</param>
/// <param name="Sequence">Command sequence of the snapshot.</param>
/// <param name="BidLots">Visible bid lots within the band around the mid.</param>
/// <param name="AskLots">Visible ask lots within the band.</param>
/// <param name="Levels">Levels in the snapshot (both sides).</param>
/// <param name="Mid">The reference mid in half ticks (0 when unknown).</param>
internal readonly record struct DepthObservation(long TimeNs, long Sequence, long BidLots, long AskLots, int Levels, long Mid)
{
    /// <summary>Bid plus ask lots within the band: the "depth" of the cascade metrics.</summary>
    public long Depth => BidLots + AskLots;
}
