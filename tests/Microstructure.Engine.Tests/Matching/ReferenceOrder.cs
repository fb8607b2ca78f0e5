namespace Microstructure.Engine.Tests.Matching;

/// <summary>A live order in the <see cref="ReferenceBook"/>: a plain mutable class, no pooling.</summary>
internal sealed class ReferenceOrder
{
    public long Id;
    public long Account;
    public Side Side;
    public OrderType Type;
    public TimeInForce Tif;
    public OrderFlags Flags;
    public SelfTradePrevention Stp;
    public long Price;
    public long StopPrice;
    public long Open;
    public long Visible;
    public long Display;

    /// <summary>Queue position: a larger number queues later. Re-assigned on every re-queue.</summary>
    public long Seq;

    public ReferenceOrder Clone() => (ReferenceOrder)MemberwiseClone();
}
