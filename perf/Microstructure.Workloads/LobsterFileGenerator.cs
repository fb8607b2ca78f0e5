using System.Globalization;
using System.Text;

namespace Microstructure.Workloads;

/// <summary>
/// Writes large synthetic LOBSTER message files for replay benchmarks: a realistic mix of new limit orders (~47%),
/// deletions (~33%), partial cancels (~6%) and visible executions (~14%, always the oldest order at the best
/// price, as price-time priority requires), with prices on a $0.01 grid around a slowly drifting mid. Every
/// message is consistent with the book the previous ones built, so the file replays without a book file. The book
/// stays near 20,000 live orders (adds give way to deletes above that), like a liquid stock's.
/// </summary>
public static class LobsterFileGenerator
{
    private const long Tick = 100; // $0.01 in LOBSTER's dollars x 10,000
    private const int Band = 200;  // price levels per side the generator uses

    /// <summary>Writes <paramref name="messages"/> messages to <paramref name="path"/>; same seed, same bytes.</summary>
    /// <param name="path">The message file.</param>
    /// <param name="messages">How many messages.</param>
    /// <param name="seed">Random seed.</param>
    /// <returns>Bytes written.</returns>
    public static long Write(string path, int messages, int seed = 1)
    {
        var rng = new Random(seed);
        var queues = new Queue<long>[2 * Band];
        for (var i = 0; i < queues.Length; i++)
        {
            queues[i] = new Queue<long>();
        }

        var live = new List<long>();
        var where = new Dictionary<long, (int Index, int Level, long Size)>();
        long nextId = 1;
        long mid = 5_850_000;
        long timeNs = 34_200_000_000_000;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20);
        for (var k = 0; k < messages; k++)
        {
            timeNs += rng.Next(1, 20_000);
            var roll = rng.Next(100);
            if (live.Count < 200 || (roll < 47 && live.Count < 20_000))
            {
                // New limit order: buy below / sell above the mid, a geometric-ish distance from it.
                var buy = rng.Next(2) == 0;
                var distance = 1 + (int)Math.Min(Band - 2, -Math.Log(1 - rng.NextDouble()) * 8);
                var level = buy ? Band - distance : Band + distance - 1;
                var size = 100L * rng.Next(1, 10);
                var id = nextId++;
                queues[level].Enqueue(id);
                where[id] = (live.Count, level, size);
                live.Add(id);
                Line(writer, timeNs, 1, id, size, PriceOf(level, mid), buy ? 1 : -1);
            }
            else if (roll < 86)
            {
                var id = live[rng.Next(live.Count)];
                var (_, level, size) = where[id];
                var buy = level < Band;
                if (roll < 80 || size <= 100)
                {
                    Remove(id, live, where);
                    Line(writer, timeNs, 3, id, size, PriceOf(level, mid), buy ? 1 : -1);
                }
                else
                {
                    where[id] = (where[id].Index, level, size - 100);
                    Line(writer, timeNs, 2, id, 100, PriceOf(level, mid), buy ? 1 : -1);
                }
            }
            else
            {
                // Execution of the oldest order at the best bid or ask.
                var buySide = rng.Next(2) == 0;
                var level = buySide ? BestBid(queues, where) : BestAsk(queues, where);
                if (level < 0)
                {
                    continue;
                }

                var id = queues[level].Peek();
                var size = where[id].Size;
                var take = Math.Min(size, 100L * rng.Next(1, 6));
                if (take == size)
                {
                    Remove(id, live, where);
                }
                else
                {
                    where[id] = (where[id].Index, level, size - take);
                }

                Line(writer, timeNs, 4, id, take, PriceOf(level, mid), buySide ? 1 : -1);
            }
        }

        writer.Flush();
        return stream.Length;
    }

    private static long PriceOf(int level, long mid) => mid + ((level - Band) * Tick) + (level < Band ? 0 : Tick);

    private static int BestBid(Queue<long>[] queues, Dictionary<long, (int, int, long)> where)
    {
        for (var level = Band - 1; level >= 0; level--)
        {
            if (Front(queues[level], where))
            {
                return level;
            }
        }

        return -1;
    }

    private static int BestAsk(Queue<long>[] queues, Dictionary<long, (int, int, long)> where)
    {
        for (var level = Band; level < queues.Length; level++)
        {
            if (Front(queues[level], where))
            {
                return level;
            }
        }

        return -1;
    }

    /// <summary>Drops cancelled orders from the front of a queue (lazy deletion); true when a live order is there.</summary>
    private static bool Front(Queue<long> queue, Dictionary<long, (int, int, long)> where)
    {
        while (queue.Count > 0 && !where.ContainsKey(queue.Peek()))
        {
            queue.Dequeue();
        }

        return queue.Count > 0;
    }

    private static void Remove(long id, List<long> live, Dictionary<long, (int Index, int Level, long Size)> where)
    {
        var index = where[id].Index;
        var last = live[^1];
        live[index] = last;
        where[last] = (index, where[last].Level, where[last].Size);
        live.RemoveAt(live.Count - 1);
        where.Remove(id);
    }

    private static void Line(StreamWriter w, long timeNs, int type, long id, long size, long price, int direction)
    {
        w.Write((timeNs / 1_000_000_000).ToString(CultureInfo.InvariantCulture));
        w.Write('.');
        w.Write((timeNs % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(type.ToString(CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(id.ToString(CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(size.ToString(CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(price.ToString(CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(direction == 1 ? "1" : "-1");
        w.Write('\n');
    }
}
