using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Recording;

/// <summary>The <c>tape/depth</c> table: one row per L2 snapshot the kernel asked for.</summary>
internal readonly struct DepthTapeRows : ITableRowMapper<InUnits<DepthObservation>>
{
    public static TableSchema Schema { get; } = new(
        new("time_ns", ColumnType.Int64, "snapshot time, ns"),
        new("seq", ColumnType.Int64, "command sequence of the snapshot"),
        new("bid_lots", ColumnType.Int64, "visible bid lots within the depth band around the mid"),
        new("ask_lots", ColumnType.Int64, "visible ask lots within the band"),
        new("depth_lots", ColumnType.Int64, "bid_lots + ask_lots"),
        new("levels", ColumnType.Int64, "levels in the snapshot, both sides"),
        new("mid", ColumnType.Int64, "reference mid, half ticks (0 = unknown)"),
        new("bid_base", ColumnType.Double, "bid_lots, base"),
        new("ask_base", ColumnType.Double, "ask_lots, base"),
        new("depth_base", ColumnType.Double, "depth_lots, base"),
        new("mid_quote", ColumnType.Double, "reference mid, quote (0 = unknown)"));

    public static void Write(in InUnits<DepthObservation> tagged, ref RowWriter writer)
    {
        ref readonly DepthObservation row = ref tagged.Row;
        writer.Int64(row.TimeNs);
        writer.Int64(row.Sequence);
        writer.Int64(row.BidLots);
        writer.Int64(row.AskLots);
        writer.Int64(row.Depth);
        writer.Int64(row.Levels);
        writer.Int64(row.Mid);
        writer.Double(tagged.Units.Lots(row.BidLots));
        writer.Double(tagged.Units.Lots(row.AskLots));
        writer.Double(tagged.Units.Lots(row.Depth));
        writer.Double(tagged.Units.HalfTicks(row.Mid));
    }
}
