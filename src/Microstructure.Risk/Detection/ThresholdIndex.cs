using Microstructure.Engine.Matching;

namespace Microstructure.Risk.Detection;

/// <summary>
/// Accounts keyed by a liquidation-threshold price, ordered so that a mark move finds the k breached accounts in
/// O(k) after an O(1) check, and moving an account to a new key costs O(1) in practice — no scan over accounts.
/// </summary>
/// <remarks>
/// <para>One index per direction: for longs (and lending borrowers) an account is breached when mark ≤ key, and the
/// most severe is the highest key; for shorts when mark ≥ key, the lowest key first.</para>
/// <para>Layout, like a book side: accounts with the same key share a bucket (an intrusive FIFO list over
/// per-account next/prev arrays); buckets are found by key through a direct array (price ranges up to 2²⁴ ticks) or an
/// open-addressing map, and kept in price order by a
/// hierarchical bitmap (64-way fan-out) over the instrument's price range; the most severe bucket is cached. Ties
/// (same key) come out in the order they entered the bucket, which depends only on the command stream, so the
/// order is deterministic.</para>
/// </remarks>
internal sealed class ThresholdIndex
{
    private const int None = -1;

    /// <summary>Price ranges up to this many ticks (64 MB of ints) use a direct array instead of a hash map.</summary>
    private const long DirectRange = 1 << 24;

    private readonly bool _breachedAtOrBelow;
    private readonly long _minPrice;
    private readonly long _maxPrice;
    private readonly PriceBitmap _bitmap;
    private readonly IndexMap? _bucketByKey;
    private readonly int[]? _bucketAt;
    private readonly long[] _bucketKey;
    private readonly int[] _bucketHead;
    private readonly int[] _bucketTail;
    private readonly int[] _next;
    private readonly int[] _prev;
    private readonly int[] _bucketOf;
    private int _freeBucket;
    private int _best = None;
    private int _count;

    /// <summary>Creates an empty index.</summary>
    /// <param name="accounts">Account ids are 0 … accounts − 1.</param>
    /// <param name="minPrice">Lowest key (the instrument's minimum price, ticks).</param>
    /// <param name="maxPrice">Highest key.</param>
    /// <param name="breachedAtOrBelow">True for longs (breached when mark ≤ key), false for shorts (mark ≥ key).</param>
    public ThresholdIndex(int accounts, long minPrice, long maxPrice, bool breachedAtOrBelow)
    {
        _breachedAtOrBelow = breachedAtOrBelow;
        _minPrice = minPrice;
        _maxPrice = maxPrice;
        _bitmap = new PriceBitmap(maxPrice - minPrice + 1);
        long range = maxPrice - minPrice + 1;
        if (range <= DirectRange)
        {
            // Small price ranges: a direct key → bucket array (adjacent keys adjacent in memory: a cascade walks it).
            _bucketAt = new int[range];
            Array.Fill(_bucketAt, None);
        }
        else
        {
            _bucketByKey = new IndexMap(accounts);
        }

        _bucketKey = new long[accounts];
        _bucketHead = new int[accounts];
        _bucketTail = new int[accounts];
        _next = new int[accounts];
        _prev = new int[accounts];
        _bucketOf = new int[accounts];
        Array.Fill(_bucketOf, None);
        for (int i = 0; i < accounts; i++)
        {
            _bucketHead[i] = i + 1 < accounts ? i + 1 : None;
        }

        _freeBucket = accounts > 0 ? 0 : None;
    }

    /// <summary>Number of accounts in the index.</summary>
    public int Count => _count;

    /// <summary>True when the account is in the index.</summary>
    public bool Contains(int account) => _bucketOf[account] != None;

    /// <summary>The account's key; only meaningful when <see cref="Contains"/>.</summary>
    public long KeyOf(int account) => _bucketKey[_bucketOf[account]];

    /// <summary>The most severe key, or <see cref="long.MinValue"/> when empty.</summary>
    public long BestKey => _best == None ? long.MinValue : _bucketKey[_best];

    /// <summary>True when at least one account is breached at <paramref name="mark"/>. O(1).</summary>
    public bool HasBreach(long mark) =>
        _best != None && (_breachedAtOrBelow ? mark <= _bucketKey[_best] : mark >= _bucketKey[_best]);

    /// <summary>Adds the account with <paramref name="key"/>, or moves it there; a no-op when the key is unchanged.</summary>
    public void Set(int account, long key)
    {
        int bucket = _bucketOf[account];
        if (bucket != None)
        {
            if (_bucketKey[bucket] == key)
            {
                return;
            }

            Unlink(account, bucket);
            _count--;
        }

        key = Math.Clamp(key, _minPrice, _maxPrice);
        bucket = Lookup(key);
        if (bucket < 0)
        {
            bucket = CreateBucket(key);
        }

        _bucketOf[account] = bucket;
        _next[account] = None;
        _prev[account] = _bucketTail[bucket];
        if (_bucketTail[bucket] != None)
        {
            _next[_bucketTail[bucket]] = account;
        }
        else
        {
            _bucketHead[bucket] = account;
        }

        _bucketTail[bucket] = account;
        _count++;
    }

    /// <summary>Removes the account if present.</summary>
    public void Remove(int account)
    {
        int bucket = _bucketOf[account];
        if (bucket != None)
        {
            Unlink(account, bucket);
            _count--;
        }
    }

    /// <summary>Removes and returns the most severe account breached at <paramref name="mark"/>, or −1.</summary>
    public int PopBreached(long mark)
    {
        if (!HasBreach(mark))
        {
            return None;
        }

        int account = _bucketHead[_best];
        Unlink(account, _best);
        _count--;
        return account;
    }

    /// <summary>
    /// Appends every account breached at <paramref name="mark"/> to <paramref name="into"/>, most severe first, without
    /// removing them. O(k + buckets visited).
    /// </summary>
    public void CollectBreached(long mark, List<int> into)
    {
        for (int bucket = _best; bucket != None && (_breachedAtOrBelow ? mark <= _bucketKey[bucket] : mark >= _bucketKey[bucket]); bucket = NextBucket(bucket))
        {
            for (int a = _bucketHead[bucket]; a != None; a = _next[a])
            {
                into.Add(a);
            }
        }
    }

    private void Unlink(int account, int bucket)
    {
        int next = _next[account];
        int prev = _prev[account];
        if (prev != None)
        {
            _next[prev] = next;
        }
        else
        {
            _bucketHead[bucket] = next;
        }

        if (next != None)
        {
            _prev[next] = prev;
        }
        else
        {
            _bucketTail[bucket] = prev;
        }

        _bucketOf[account] = None;
        if (_bucketHead[bucket] == None)
        {
            FreeBucket(bucket);
        }
    }

    private int CreateBucket(long key)
    {
        int bucket = _freeBucket;
        _freeBucket = _bucketHead[bucket];
        _bucketKey[bucket] = key;
        _bucketHead[bucket] = None;
        _bucketTail[bucket] = None;
        if (_bucketAt is not null)
        {
            _bucketAt[key - _minPrice] = bucket;
        }
        else
        {
            _bucketByKey!.Add(key, bucket);
        }

        _bitmap.Set(key - _minPrice);
        if (_best == None || (_breachedAtOrBelow ? key > _bucketKey[_best] : key < _bucketKey[_best]))
        {
            _best = bucket;
        }

        return bucket;
    }

    private void FreeBucket(int bucket)
    {
        if (bucket == _best)
        {
            _best = NextBucket(bucket);
        }

        long key = _bucketKey[bucket];
        if (_bucketAt is not null)
        {
            _bucketAt[key - _minPrice] = None;
        }
        else
        {
            _bucketByKey!.Remove(key);
        }

        _bitmap.Clear(key - _minPrice);
        _bucketHead[bucket] = _freeBucket;
        _freeBucket = bucket;
    }

    /// <summary>The next less severe bucket after <paramref name="bucket"/>, or −1.</summary>
    private int NextBucket(int bucket)
    {
        long offset = _bucketKey[bucket] - _minPrice;
        long next = _breachedAtOrBelow ? _bitmap.FindPrevious(offset - 1) : _bitmap.FindNext(offset + 1);
        return next < 0 ? None : Lookup(next + _minPrice);
    }

    private int Lookup(long key) => _bucketAt is not null ? _bucketAt[key - _minPrice] : _bucketByKey!.Get(key);
}
