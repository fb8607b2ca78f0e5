using Microstructure.Engine;
using Microstructure.Replay.Binance;
using Microstructure.Replay.Io;
using Microstructure.Replay.L2;
using Microstructure.Replay.Lobster;
using Microstructure.Replay.Processing;
using Microstructure.Replay.Tardis;

namespace Microstructure.Fuzz;

/// <summary>The units the replays of the sample data use (BTCUSDT: tick 0.1, lot 0.001; LOBSTER: integers).</summary>
internal static class Units
{
    public static readonly DecimalUnit Tick = DecimalUnit.From(0.1m);
    public static readonly DecimalUnit Lot = DecimalUnit.From(0.001m);
    public static readonly DecimalUnit One = DecimalUnit.From(1m);
}

/// <summary>LOBSTER message file: LobsterMessageReader over a LineReader on the bytes.</summary>
internal sealed class LobsterMessageTarget : FuzzTarget
{
    public override string Name => "lobster-message";

    public override string Covers => "LobsterMessageReader (fast in-place line parser and the general field-by-field path) over LineReader";

    public override IReadOnlyList<SeedSlice> Seeds =>
    [
        new("lobster/AAPL_2012-06-21_34200000_57600000_message_10.csv", 0, 12),
        new("lobster/AAPL_2012-06-21_34200000_57600000_message_10.csv", 0, 0, DistinctColumn: 1),
    ];

    public override IReadOnlyList<string> ExtraSeeds =>
    [
        "34200.5,2,16113575,5,5853300,1\r\n34200.6,7,0,0,-1,-1\r\n34200.7,6,0,100,5853300,1\n34200.8,7,0,0,1,-1",
        "34200,3,16113575,18,5853300,-1\n",
    ];

    public override RunResult Run(byte[] input, Scratch scratch)
    {
        using var reader = new LobsterMessageReader(new LineReader(new MemoryStream(input), Program.Source));
        var last = long.MinValue;
        return ReadLeniently(
            () =>
            {
                if (!reader.TryRead(out var m))
                {
                    return false;
                }

                Contract.That(m.TimeNs >= 0 && m.TimeNs >= last, $"accepted time {m.TimeNs} ns (previous {last})");
                last = m.TimeNs;
                Contract.That(m.Type is >= LobsterEventType.NewLimit and <= LobsterEventType.Halt, $"accepted event type {m.Type}");
                if (m.Type != LobsterEventType.Halt)
                {
                    Contract.That(m.Size > 0 && m.Price > 0, $"accepted size {m.Size} and price {m.Price} for type {m.Type}");
                }

                if (m.Type <= LobsterEventType.VisibleExecution)
                {
                    Contract.That(ReplayOrderIds.IsVenue(m.OrderId), $"accepted order id {m.OrderId} for type {m.Type}");
                }

                return true;
            },
            () => reader.LineNumber);
    }
}

/// <summary>LOBSTER orderbook file: LobsterBookReader (first row fixes the level count).</summary>
internal sealed class LobsterBookTarget : FuzzTarget
{
    public override string Name => "lobster-book";

    public override string Covers => "LobsterBookReader: level count from the first row, ordering, empty levels, crossed rows";

    public override IReadOnlyList<SeedSlice> Seeds => [new("lobster/AAPL_2012-06-21_34200000_57600000_orderbook_10.csv", 0, 3)];

    public override IReadOnlyList<string> ExtraSeeds =>
    [
        "5859400,200,5853300,18\n5859400,200,0,0\n9999999999,0,5853300,18\n",
        "5859400,200,5853300,18,5859800,200,5853000,150\r\n5859400,200,5853300,18,5859800,0,5853000,0\r\n",
    ];

    public override RunResult Run(byte[] input, Scratch scratch)
    {
        using var reader = new LobsterBookReader(new LineReader(new MemoryStream(input), Program.Source));

        // The first row fixes the level count: a bad one ends the file, as in a replay.
        var row = reader.ReadFirst();
        if (row is null)
        {
            return RunResult.Of(0);
        }

        Check(row);
        var result = ReadLeniently(
            () =>
            {
                if (!reader.TryRead(row))
                {
                    return false;
                }

                Check(row);
                return true;
            },
            () => reader.LineNumber);
        result.Accepted++;
        return result;
    }

    private static void Check(LobsterBookRow row)
    {
        Contract.That(row.AskCount <= row.Levels && row.BidCount <= row.Levels, $"accepted {row.AskCount} asks and {row.BidCount} bids of {row.Levels} levels");
        for (var i = 0; i < row.AskCount; i++)
        {
            Contract.That(row.AskPrices[i] > 0 && row.AskSizes[i] > 0 && (i == 0 || row.AskPrices[i] > row.AskPrices[i - 1]), $"accepted ask level {i + 1}: {row.AskPrices[i]} x {row.AskSizes[i]}");
        }

        for (var i = 0; i < row.BidCount; i++)
        {
            Contract.That(row.BidPrices[i] > 0 && row.BidSizes[i] > 0 && (i == 0 || row.BidPrices[i] < row.BidPrices[i - 1]), $"accepted bid level {i + 1}: {row.BidPrices[i]} x {row.BidSizes[i]}");
        }

        Contract.That(row.AskCount == 0 || row.BidCount == 0 || row.BidPrices[0] < row.AskPrices[0], "accepted a crossed row");
    }
}

/// <summary>What the Tardis targets share: the reader takes a path, so the bytes go to a scratch file.</summary>
internal abstract class TardisTarget : FuzzTarget
{
    /// <summary>The file's name in the scratch directory (a .csv: LineReader decompresses only .gz).</summary>
    protected const string FileName = "input.csv";

    public override void CheckMessage(Exception e, string source, byte[] input)
    {
        // The reader names the file by its path; the contract is the same with that name.
        var x = (ReplayInputException)e;
        Contract.That(x.File.EndsWith(FileName, StringComparison.Ordinal), $"the error names '{x.File}', not the input");
        Contract.That(x.Line >= 1 && x.Line <= Lines(input) + 1, $"the error's line {x.Line} is not a line of the {Lines(input)}-line input");
    }

    protected static void CheckTimes(long time, long local, ref long last)
    {
        Contract.That(time >= 0 && local >= 0 && local >= last, $"accepted timestamp {time} / local_timestamp {local} ns (previous local {last})");
        last = local;
    }
}

/// <summary>Tardis incremental_book_L2 CSV.</summary>
internal sealed class TardisIncrementalTarget : TardisTarget
{
    public override string Name => "tardis-incremental";

    public override string Covers => "TardisBookUpdateReader: header, column count, µs times, is_snapshot, side, decimal price/amount to ticks/lots";

    public override IReadOnlyList<SeedSlice> Seeds =>
    [
        new("tardis/BTCUSDT_incremental_book_L2.csv", 1, 8),
        new("tardis/BTCUSDT_incremental_book_L2.csv", 1, 0, DistinctColumn: 4),
    ];

    public override IReadOnlyList<string> ExtraSeeds =>
    [
        TardisBookUpdateReader.Header + "\r\nbinance-futures,BTCUSDT,,1704067200000150,false,bid,4.26e4,2E-3\r\nbinance-futures,BTCUSDT,1704067200000000,1704067200000150,false,ask,42600.10,0\r\n",
    ];

    public override RunResult Run(byte[] input, Scratch scratch)
    {
        using var reader = new TardisBookUpdateReader(scratch.Write(FileName, input), Units.Tick, Units.Lot);
        var last = long.MinValue;
        return ReadLeniently(
            () =>
            {
                if (!reader.TryRead(out var row))
                {
                    return false;
                }

                CheckTimes(row.TimeNs, row.LocalTimeNs, ref last);
                Contract.That(row.Price > 0 && row.Amount >= 0, $"accepted price {row.Price} ticks, amount {row.Amount} lots");
                return true;
            },
            () => reader.LineNumber);
    }
}

/// <summary>Tardis book_snapshot_N CSV.</summary>
internal sealed class TardisSnapshotTarget : TardisTarget
{
    public override string Name => "tardis-snapshot";

    public override string Covers => "TardisSnapshotReader: depth from the header, empty levels, crossed rows";

    public override IReadOnlyList<SeedSlice> Seeds => [new("tardis/BTCUSDT_book_snapshot_25.csv", 1, 1)];

    public override IReadOnlyList<string> ExtraSeeds =>
    [
        "exchange,symbol,timestamp,local_timestamp,asks[0].price,asks[0].amount,bids[0].price,bids[0].amount\n"
            + "binance-futures,BTCUSDT,1704067200000000,1704067200000150,42600.1,1.658,42599.9,3.743\n"
            + "binance-futures,BTCUSDT,,1704067200000150,,,42599.9,3.743\n",
    ];

    public override RunResult Run(byte[] input, Scratch scratch)
    {
        using var reader = new TardisSnapshotReader(scratch.Write(FileName, input), Units.Tick, Units.Lot);
        var row = new TardisSnapshotRow(reader.Depth);
        var last = long.MinValue;
        return ReadLeniently(
            () =>
            {
                if (!reader.TryRead(row))
                {
                    return false;
                }

                CheckTimes(row.LocalTimeNs, row.LocalTimeNs, ref last);
                foreach (var level in row.Asks.Concat(row.Bids))
                {
                    Contract.That(level.Amount == 0 ? level.Price >= 0 : level.Price > 0 && level.Amount > 0, $"accepted level {level.Price} x {level.Amount}");
                }

                return true;
            },
            () => reader.LineNumber);
    }
}

/// <summary>Tardis trades (and liquidations) CSV.</summary>
internal sealed class TardisTradesTarget : TardisTarget
{
    public override string Name => "tardis-trades";

    public override string Covers => "TardisTradeReader (trades and liquidations): id, side buy/sell, price, amount";

    public override IReadOnlyList<SeedSlice> Seeds =>
    [
        new("tardis/BTCUSDT_trades.csv", 1, 8),
        new("tardis/BTCUSDT_liquidations.csv", 1, 0),
    ];

    public override RunResult Run(byte[] input, Scratch scratch)
    {
        using var reader = new TardisTradeReader(scratch.Write(FileName, input), Units.Tick, Units.Lot);
        var last = long.MinValue;
        return ReadLeniently(
            () =>
            {
                if (!reader.TryRead(out var trade))
                {
                    return false;
                }

                CheckTimes(trade.TimeNs, trade.LocalTimeNs, ref last);
                Contract.That(trade.Price > 0 && trade.Amount >= 0, $"accepted trade {trade.Price} x {trade.Amount}");
                return true;
            },
            () => reader.LineNumber);
    }
}

/// <summary>Tardis derivative_ticker CSV.</summary>
internal sealed class TardisTickerTarget : TardisTarget
{
    public override string Name => "tardis-ticker";

    public override string Covers => "TardisTickerReader: optional (empty) fields, signed funding rate to 1e-8, open interest and prices";

    public override IReadOnlyList<SeedSlice> Seeds => [new("tardis/BTCUSDT_derivative_ticker.csv", 1, 6)];

    public override IReadOnlyList<string> ExtraSeeds =>
    [
        TardisTickerReader.Header + "\nbinance-futures,BTCUSDT,1704067201694308,1704067201694458,,-0.000125,,,,,\n",
    ];

    public override RunResult Run(byte[] input, Scratch scratch)
    {
        using var reader = new TardisTickerReader(scratch.Write(FileName, input), Units.Tick, Units.Lot);
        var last = long.MinValue;
        return ReadLeniently(
            () =>
            {
                if (!reader.TryRead(out var u))
                {
                    return false;
                }

                CheckTimes(u.Timestamp.Nanoseconds, u.Timestamp.Nanoseconds, ref last);
                Contract.That(u.Price.Ticks >= 0 && u.MarkPrice.Ticks >= 0 && u.IndexPrice.Ticks >= 0 && u.Quantity.Lots >= 0, $"accepted ticker last {u.Price.Ticks}, mark {u.MarkPrice.Ticks}, index {u.IndexPrice.Ticks}, open interest {u.Quantity.Lots}");
                return true;
            },
            () => reader.LineNumber);
    }
}

/// <summary>What the Binance targets share: one JSON object per line, through BinanceJsonParser.</summary>
internal abstract class BinanceTarget : FuzzTarget
{
    protected static readonly BinanceJsonParser Parser = new(Units.Tick, Units.Lot);

    /// <summary>Parses each non-empty line as the session does.</summary>
    protected static RunResult EachLine(byte[] input, Action<ReadOnlySpan<byte>, long> parse)
    {
        using var reader = new LineReader(new MemoryStream(input), Program.Source);
        return ReadLeniently(
            () =>
            {
                ReadOnlySpan<byte> line;
                do
                {
                    if (!reader.TryReadLine(out line))
                    {
                        return false;
                    }
                }
                while (line.IsEmpty);

                parse(line, reader.LineNumber);
                return true;
            },
            () => reader.LineNumber);
    }

    protected static void CheckLevels(IEnumerable<LevelUpdate> levels)
    {
        foreach (var l in levels)
        {
            Contract.That(l.Price > 0 && l.Amount >= 0, $"accepted level {l.Price} x {l.Amount}");
        }
    }
}

/// <summary>Binance REST depth snapshots, one per line.</summary>
internal sealed class BinanceSnapshotTarget : BinanceTarget
{
    public override string Name => "binance-snapshot";

    public override string Covers => "BinanceJsonParser.ParseSnapshot per line (lastUpdateId, E, bids, asks) and the sorted sides";

    public override bool IsJson => true;

    public override IReadOnlyList<SeedSlice> Seeds => [new("binance/BTCUSDT_depth_snapshots.jsonl", 0, 1)];

    public override IReadOnlyList<string> ExtraSeeds => ["{\"lastUpdateId\":1,\"bids\":[[\"1.0\",\"0\"]],\"asks\":[[2,\"1e-3\"]]}\r\n{\"lastUpdateId\":2,\"bids\":[],\"asks\":[]}"];

    public override RunResult Run(byte[] input, Scratch scratch) => EachLine(input, (line, number) =>
    {
        var s = Parser.ParseSnapshot(line, Program.Source, number);
        Contract.That(s.LastUpdateId >= 0 && s.TimeNs >= 0, $"accepted lastUpdateId {s.LastUpdateId}, time {s.TimeNs} ns");
        CheckLevels(s.Levels);
        _ = s.Side(Side.Buy);
        _ = s.Side(Side.Sell);
    });
}

/// <summary>Binance diff-depth events, one per line.</summary>
internal sealed class BinanceUpdateTarget : BinanceTarget
{
    private static readonly BinanceDepthEvent Event = new();

    public override string Name => "binance-update";

    public override string Covers => "BinanceJsonParser.ParseEvent per line (raw and combined-stream wrapped depthUpdate: U, u, pu, E, b, a)";

    public override bool IsJson => true;

    public override IReadOnlyList<SeedSlice> Seeds => [new("binance/BTCUSDT_depth_updates.jsonl", 0, 6)];

    public override IReadOnlyList<string> ExtraSeeds =>
    [
        "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1704067200136,\"U\":901,\"u\":902,\"pu\":900,\"b\":[[\"42599.3\",\"0\"]],\"a\":[]}}\n",
    ];

    public override RunResult Run(byte[] input, Scratch scratch) => EachLine(input, (line, number) =>
    {
        Parser.ParseEvent(line, Event, Program.Source, number);
        Contract.That(Event.TimeNs >= 0, $"accepted E as {Event.TimeNs} ns");
        Contract.That(Event.FirstUpdateId >= 0 && Event.FirstUpdateId <= Event.FinalUpdateId && Event.PreviousFinalUpdateId >= 0, $"accepted U {Event.FirstUpdateId}, u {Event.FinalUpdateId}, pu {Event.PreviousFinalUpdateId}");
        CheckLevels(Event.Updates);
    });
}
