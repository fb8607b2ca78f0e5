namespace Microstructure.Risk.Liquidation;

/// <summary>How auto-deleveraging ranks the opposite side's accounts (highest score is closed first).</summary>
public enum AdlRanking : byte
{
    /// <summary>
    /// Binance: score = PnL% × margin ratio, PnL% = max(0, uPnL) / max(1 quote, wallet), margin ratio = MM / (wallet + uPnL).
    /// </summary>
    Binance = 0,

    /// <summary>
    /// BitMEX: PnL% × effective leverage when PnL% &gt; 0, else PnL% / effective leverage; PnL% = uPnL / |cost|,
    /// effective leverage = |mark value| / (mark value − bankrupt value) = |notional| / equity.
    /// </summary>
    Bitmex = 1,
}
