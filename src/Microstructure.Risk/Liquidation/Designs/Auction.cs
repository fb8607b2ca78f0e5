namespace Microstructure.Risk.Liquidation.Designs;

/// <summary>One running Dutch auction (MakerDAO "sale").</summary>
internal struct Auction
{
    public long LiquidationId;
    public int Account;

    /// <summary>The side that reduces the liquidated position (Sell for a long): bidders take the other side.</summary>
    public Side AccountSide;
    public long LotsStart;
    public long LotsLeft;
    public long KeeperTaken;
    public long StartPrice;
    public long Price;
    public long StartTime;
    public long Step;

    /// <summary>Notional counted against the hole while the auction runs.</summary>
    public long Dirt;
    public bool Finished;
}
