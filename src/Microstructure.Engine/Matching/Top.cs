namespace Microstructure.Engine.Matching;

/// <summary>Best bid and ask (price and visible size, in ticks and lots; zeros for an empty side).</summary>
internal record struct Top(long BidPrice, long BidQuantity, long AskPrice, long AskQuantity);
