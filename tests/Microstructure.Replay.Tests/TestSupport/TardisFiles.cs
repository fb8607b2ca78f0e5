using System.Globalization;
using System.Text;

namespace Microstructure.Replay.Tests.TestSupport;

/// <summary>
/// A small synthetic Tardis BTCUSDT book with wide levels ($10 apart, 100 per side, ~1.25 BTC each) — deep enough in price
/// for leveraged positions to be liquidated by a shock — written with every amount scaled (a thinner or deeper copy of
/// the same book; amounts are level totals, so scaling each row keeps the feed consistent).
/// </summary>
internal static class TardisFiles
{
    public const long Start = 1_704_067_200_000_000; // µs

    public static (string Updates, string Ticker, string Trades) Write(TempDirectory dir, decimal scale, string prefix = "BTCUSDT")
    {
        var c = CultureInfo.InvariantCulture;
        var random = new Random(11);
        var updates = new StringBuilder("exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n");
        var sizes = new Dictionary<(string, int), decimal>();
        for (var i = 0; i < 100; i++)
        {
            foreach (var side in new[] { "ask", "bid" })
            {
                var amount = 0.5m + (random.Next(0, 1500) / 1000m);
                sizes[(side, i)] = amount;
                Row(updates, Start, "true", side, Price(side, i), amount, scale);
            }
        }

        // 400 messages over 40 s: one level's total changes a little each time, never to zero.
        for (var m = 1; m <= 400; m++)
        {
            var side = random.Next(2) == 0 ? "ask" : "bid";
            var level = random.Next(0, 100);
            var amount = Math.Max(0.2m, sizes[(side, level)] + (random.Next(-300, 301) / 1000m));
            sizes[(side, level)] = amount;
            Row(updates, Start + (m * 100_000), "false", side, Price(side, level), amount, scale);
        }

        var ticker = new StringBuilder("exchange,symbol,timestamp,local_timestamp,funding_timestamp,funding_rate,predicted_funding_rate,open_interest,last_price,index_price,mark_price\n");
        for (var s = 1; s <= 40; s++)
        {
            var t = Start + (s * 1_000_000) + 500;
            ticker.Append(c, $"binance-futures,BTCUSDT,{t},{t},{Start + 28_800_000_000},0.0001,0.0001,80000,42600.0,42599.0,42600.0\n");
        }

        var trades = new StringBuilder("exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n");
        for (var s = 1; s <= 40; s++)
        {
            var t = Start + (s * 1_000_000) + 700;
            trades.Append(c, $"binance-futures,BTCUSDT,{t},{t},{s},{(s % 2 == 0 ? "buy" : "sell")},{(s % 2 == 0 ? "42600.0" : "42590.0")},0.010\n");
        }

        return (dir.Write($"{prefix}_incremental_book_L2.csv", updates.ToString()), dir.Write($"{prefix}_derivative_ticker.csv", ticker.ToString()),
            dir.Write($"{prefix}_trades.csv", trades.ToString()));
    }

    private static decimal Price(string side, int level) => side == "ask" ? 42_600m + (10m * level) : 42_590m - (10m * level);

    private static void Row(StringBuilder b, long time, string snapshot, string side, decimal price, decimal amount, decimal scale)
    {
        var scaled = Math.Max(0.001m, decimal.Round(amount * scale, 3, MidpointRounding.AwayFromZero));
        b.Append(CultureInfo.InvariantCulture, $"binance-futures,BTCUSDT,{time},{time},{snapshot},{side},{price:0.0},{scaled:0.000}\n");
    }
}
