namespace Microstructure.Risk.Margin;

/// <summary>Which notional the maintenance margin is computed on.</summary>
public enum MaintenanceBasis : byte
{
    /// <summary>|position| × mark price (Binance, Bybit): MM moves with the mark.</summary>
    MarkNotional = 0,

    /// <summary>|position| × entry price (BitMEX's isolated formula): MM is fixed while the position is unchanged.</summary>
    EntryNotional = 1,
}
