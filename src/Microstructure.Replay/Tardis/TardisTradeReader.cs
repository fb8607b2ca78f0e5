using Microstructure.Engine;
using Microstructure.Replay.Io;

namespace Microstructure.Replay.Tardis;

/// <summary>
/// Reads Tardis trades or liquidations CSV: exchange,symbol,timestamp,local_timestamp,id,side,price,amount. A trade's
/// side is the aggressor's — <c>buy</c>, <c>sell</c>, or <c>unknown</c> when the exchange does not say (Tardis
/// documents all three; the trade is then recorded with no side); a liquidation's is the side of the liquidation
/// order, <c>buy</c> or <c>sell</c>.
/// </summary>
/// <param name="path">The file.</param>
/// <param name="tick">Tick size.</param>
/// <param name="lot">Lot size.</param>
/// <param name="liquidations">Whether this is a liquidations file (no <c>unknown</c> side).</param>
internal sealed class TardisTradeReader(string path, DecimalUnit tick, DecimalUnit lot, bool liquidations = false)
    : TardisReader(path, tick, lot, Header)
{
    /// <summary>The header shared by trades and liquidations.</summary>
    public const string Header = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount";

    /// <summary>Reads the next row.</summary>
    /// <param name="trade">The row.</param>
    /// <returns>False at the end of the file.</returns>
    public bool TryRead(out TardisTrade trade)
    {
        trade = default;
        if (!NextLine(out var line))
        {
            return false;
        }

        var f = new FieldCursor(line);
        var (time, local) = Times(ref f);
        f.Next();
        var sideField = f.Next();
        Side? side = !liquidations && sideField.SequenceEqual("unknown"u8) ? null
            : sideField.SequenceEqual("buy"u8) ? Side.Buy
            : sideField.SequenceEqual("sell"u8) ? Side.Sell
            : throw new ReplayInputException(Name, LineNumber, $"column 'side': '{InputText.Snippet(sideField)}' is not {(liquidations ? "buy or sell" : "buy, sell or unknown")}", InputErrorKind.InvalidValue);
        trade = new TardisTrade(time, local, side, Price(f.Next(), "price"), Amount(f.Next(), "amount"));
        return true;
    }
}
