using Microstructure.Replay.Io;

namespace Microstructure.Replay.Tardis;

/// <summary>Reads Tardis incremental_book_L2 CSV: exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount.</summary>
internal sealed class TardisBookUpdateReader(string path, DecimalUnit tick, DecimalUnit lot)
    : TardisReader(path, tick, lot, Header)
{
    /// <summary>The header of the data type.</summary>
    public const string Header = "exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount";

    /// <summary>Reads the next row.</summary>
    /// <param name="row">The row.</param>
    /// <returns>False at the end of the file.</returns>
    /// <exception cref="ReplayInputException">The row is malformed; it has been consumed.</exception>
    public bool TryRead(out TardisBookRow row)
    {
        row = default;
        if (!NextLine(out var line))
        {
            return false;
        }

        var f = new FieldCursor(line);
        var (time, local) = Times(ref f);
        var snapshotField = f.Next();
        var isSnapshot = snapshotField.SequenceEqual("true"u8);
        if (!isSnapshot && !snapshotField.SequenceEqual("false"u8))
        {
            Throw($"column 'is_snapshot': expected true or false", InputErrorKind.InvalidValue);
        }

        var side = ParseSide(f.Next(), "side");
        var price = Price(f.Next(), "price");
        var amount = Amount(f.Next(), "amount");
        row = new TardisBookRow(time, local, isSnapshot, side, price, amount);
        return true;
    }
}
