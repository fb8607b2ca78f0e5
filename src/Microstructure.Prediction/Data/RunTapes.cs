using Microstructure.Analysis.Cascades;
using Microstructure.Engine;
using Microstructure.Risk.Warning;

namespace Microstructure.Prediction.Data;

/// <summary>The tapes of one run that the dataset reads, as columns (docs/outputs.md §3–4).</summary>
internal sealed class RunTapes
{
    /// <summary>The files read, relative to the run directory.</summary>
    public static readonly string[] Needed =
    [
        "tape/risk_monitor.parquet", "tape/liquidation_map.parquet", "tape/l1.parquet", "tape/depth.parquet",
        "tape/trades.parquet", "analysis/liquidations.parquet", "tape/liquidation_events.parquet",
    ];

    public required string Directory { get; init; }

    public required MonitorRow[] Monitor { get; init; }

    public required ParquetColumns Map { get; init; }

    public required ParquetColumns TopOfBook { get; init; }

    public required ParquetColumns Depth { get; init; }

    public required ParquetColumns Trades { get; init; }

    public required LiquidationRecord[] Liquidations { get; init; }

    /// <summary>tape/liquidation_events: the trigger events (perp and pool), whose command sequence orders them among the other tapes' rows.</summary>
    public required ParquetColumns Triggers { get; init; }

    /// <summary>The first file of <see cref="Needed"/> missing in <paramref name="runDirectory"/>, or null.</summary>
    public static string? FirstMissing(string runDirectory) =>
        Needed.FirstOrDefault(f => !File.Exists(Path.Combine(runDirectory, f)));

    /// <summary>Reads the tapes of <paramref name="runDirectory"/>.</summary>
    /// <exception cref="PredictionInputException">A tape is missing or unreadable.</exception>
    public static async Task<RunTapes> ReadAsync(string runDirectory, CancellationToken ct)
    {
        if (FirstMissing(runDirectory) is { } missing)
        {
            throw new PredictionInputException(
                $"{runDirectory}: {missing} is missing — the dataset needs every tape of a run: run the sweep (or compare) with --keep all");
        }

        string P(string f) => Path.Combine(runDirectory, f);
        ParquetColumns monitor = await ParquetColumns.ReadAsync(P(Needed[0]), MonitorColumns, ct).ConfigureAwait(false);
        ParquetColumns map = await ParquetColumns.ReadAsync(P(Needed[1]), ["time_ns", "seq", "mark", "bucket", "price_low", "price_high", "long_notional", "short_notional"], ct).ConfigureAwait(false);
        ParquetColumns l1 = await ParquetColumns.ReadAsync(P(Needed[2]), ["time_ns", "seq", "bid", "bid_qty", "ask", "ask_qty"], ct).ConfigureAwait(false);
        ParquetColumns depth = await ParquetColumns.ReadAsync(P(Needed[3]), ["time_ns", "seq", "bid_lots", "ask_lots"], ct).ConfigureAwait(false);
        ParquetColumns trades = await ParquetColumns.ReadAsync(P(Needed[4]), ["time_ns", "seq", "price", "quantity", "side", "liquidation_id", "notional"], ct).ConfigureAwait(false);
        ParquetColumns liquidations = await ParquetColumns.ReadAsync(P(Needed[5]), ["liquidation_id", "parent_id", "time_ns", "notional", "side", "mid_before", "mid_after"], ct).ConfigureAwait(false);
        ParquetColumns triggers = await ParquetColumns.ReadAsync(P(Needed[6]), ["time_ns", "seq", "event"], ct).ConfigureAwait(false);
        return new RunTapes
        {
            Directory = runDirectory,
            Monitor = ToMonitorRows(monitor),
            Map = map,
            TopOfBook = l1,
            Depth = depth,
            Trades = trades,
            Liquidations = ToRecords(liquidations),
            Triggers = triggers,
        };
    }

    private static readonly string[] MonitorColumns =
    [
        "time_ns", "seq", "mark", "open_interest_notional", "long_short_ratio", "underwater_accounts",
        "leverage_p50", "leverage_p90", "leverage_p99", "margin_ratio_p50", "margin_ratio_p90", "margin_ratio_p99",
        "top10_share", "herfindahl", "fund_equity", "within_1pct", "within_2pct", "within_5pct",
        "coverage_1pct", "coverage_2pct", "coverage_5pct",
    ];

    private static MonitorRow[] ToMonitorRows(ParquetColumns c)
    {
        long[] time = c.Int64("time_ns"), seq = c.Int64("seq"), mark = c.Int64("mark"), oi = c.Int64("open_interest_notional"), under = c.Int64("underwater_accounts");
        long?[] ls = c.NullableInt64("long_short_ratio"), l50 = c.NullableInt64("leverage_p50"), l90 = c.NullableInt64("leverage_p90"), l99 = c.NullableInt64("leverage_p99");
        long?[] m50 = c.NullableInt64("margin_ratio_p50"), m90 = c.NullableInt64("margin_ratio_p90"), m99 = c.NullableInt64("margin_ratio_p99");
        long?[] top = c.NullableInt64("top10_share"), hhi = c.NullableInt64("herfindahl");
        long[] fund = c.Int64("fund_equity"), w1 = c.Int64("within_1pct"), w2 = c.Int64("within_2pct"), w5 = c.Int64("within_5pct");
        long?[] c1 = c.NullableInt64("coverage_1pct"), c2 = c.NullableInt64("coverage_2pct"), c5 = c.NullableInt64("coverage_5pct");
        var rows = new MonitorRow[c.RowCount];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new MonitorRow(time[i], seq[i], mark[i], oi[i], ls[i], under[i], l50[i], l90[i], l99[i], m50[i], m90[i], m99[i],
                top[i], hhi[i], fund[i], w1[i], w2[i], w5[i], c1[i], c2[i], c5[i]);
        }

        return rows;
    }

    private static LiquidationRecord[] ToRecords(ParquetColumns c)
    {
        long[] id = c.Int64("liquidation_id"), parent = c.Int64("parent_id"), time = c.Int64("time_ns"), notional = c.Int64("notional");
        long[] before = c.Int64("mid_before"), after = c.Int64("mid_after");
        string?[] side = c.String("side");
        var records = new LiquidationRecord[c.RowCount];
        for (int i = 0; i < records.Length; i++)
        {
            // The table writes "no parent" as 0 (ids start at 1); the forest's marker is NoParent.
            records[i] = new LiquidationRecord(id[i], parent[i] > 0 ? parent[i] : LiquidationRecord.NoParent, time[i], notional[i],
                side[i] == "buy" ? Side.Buy : Side.Sell, before[i], after[i]);
        }

        return records;
    }
}
