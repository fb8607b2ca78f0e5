namespace Microstructure.Engine.Matching;

/// <summary>A pooled price level: an intrusive FIFO list of order nodes plus running totals.</summary>
internal struct PriceLevel
{
    public long Price;
    public long Visible;
    public long Open;
    public int Head;
    public int Tail;
    public int Count;
}
