using Microstructure.Replay.Io;

namespace Microstructure.Replay.Tardis;

/// <summary>Reads Tardis trades or liquidations CSV: exchange,symbol,timestamp,local_timestamp,id,side,price,amount.</summary>
internal sealed class TardisTradeReader(string path, DecimalUnit tick, DecimalUnit lot)
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
        var side = ParseSide(f.Next(), "side");
        trade = new TardisTrade(time, local, side, Price(f.Next(), "price"), Amount(f.Next(), "amount"));
        return true;
    }
}
