using Microstructure.Engine;
using Microstructure.Replay.Io;
using Microstructure.Replay.L2;

namespace Microstructure.Replay.Tardis;

/// <summary>
/// Reads Tardis book_snapshot_25 (or _5) CSV: the four common columns, then asks[i].price, asks[i].amount,
/// bids[i].price, bids[i].amount for each level i; empty fields mean the level is empty.
/// </summary>
internal sealed class TardisSnapshotReader : TardisReader
{
    /// <summary>Opens the file; the depth comes from the header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="tick">Tick size.</param>
    /// <param name="lot">Lot size.</param>
    public TardisSnapshotReader(string path, DecimalUnit tick, DecimalUnit lot)
        : base(path, tick, lot, null)
    {
        Depth = (HeaderColumns - 4) / 4;
        if (Depth < 1 || HeaderColumns != 4 + (4 * Depth) || !HeaderText.Contains(",asks[0].price,asks[0].amount,bids[0].price,bids[0].amount", StringComparison.Ordinal))
        {
            throw new ReplayInputException(path, 1, "not a book_snapshot file: expected columns asks[0].price,asks[0].amount,bids[0].price,bids[0].amount,... after local_timestamp", InputErrorKind.Malformed);
        }
    }

    /// <summary>Levels per side.</summary>
    public int Depth { get; }

    /// <summary>Reads the next row into <paramref name="row"/>.</summary>
    /// <param name="row">Destination of depth <see cref="Depth"/>.</param>
    /// <returns>False at the end of the file.</returns>
    public bool TryRead(TardisSnapshotRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!NextLine(out var line))
        {
            return false;
        }

        var f = new FieldCursor(line);
        row.LocalTimeNs = Times(ref f).Local;
        row.Line = LineNumber;
        for (var i = 0; i < Depth; i++)
        {
            row.Asks[i] = Level(ref f, Side.Sell, i, "asks");
            row.Bids[i] = Level(ref f, Side.Buy, i, "bids");
        }

        if (row.Asks[0].Amount > 0 && row.Bids[0].Amount > 0 && row.Bids[0].Price >= row.Asks[0].Price)
        {
            Throw($"crossed snapshot: best bid {Tick.Format(row.Bids[0].Price)} >= best ask {Tick.Format(row.Asks[0].Price)}", InputErrorKind.CrossedBook);
        }

        return true;
    }

    private LevelUpdate Level(ref FieldCursor f, Side side, int i, string name)
    {
        var priceField = f.Next();
        var amountField = f.Next();
        if (priceField.IsEmpty && amountField.IsEmpty)
        {
            return new LevelUpdate(side, 0, 0);
        }

        return new LevelUpdate(side, Price(priceField, $"{name}[{i}].price"), Amount(amountField, $"{name}[{i}].amount"));
    }
}
