namespace Microstructure.Analysis.Cascades;

/// <summary>
/// The causal trees of a list of liquidations: roots are liquidations without a (known) parent; a child belongs to
/// its parent's tree, one wave deeper (root = wave 1). Built in O(n) with one id map; members of each tree are kept
/// contiguous (compressed rows) so that per-tree metrics need no further lookups.
/// </summary>
public sealed class CascadeForest
{
    private readonly int[] _treeOf;
    private readonly int[] _waveOf;
    private readonly int[] _roots;
    private readonly int[] _memberStart;
    private readonly int[] _members;

    private CascadeForest(int[] treeOf, int[] waveOf, int[] roots, int[] memberStart, int[] members, int orphanCount)
    {
        _treeOf = treeOf;
        _waveOf = waveOf;
        _roots = roots;
        _memberStart = memberStart;
        _members = members;
        OrphanCount = orphanCount;
    }

    /// <summary>Number of trees (cascades, including single liquidations).</summary>
    public int TreeCount => _roots.Length;

    /// <summary>Number of liquidations.</summary>
    public int RecordCount => _treeOf.Length;

    /// <summary>
    /// Liquidations whose parent id is not in the list (e.g. a window cut out of a longer run); they are treated as
    /// roots of their own trees.
    /// </summary>
    public int OrphanCount { get; }

    /// <summary>Tree index (0-based, in order of the roots) of each record.</summary>
    public ReadOnlySpan<int> TreeOf => _treeOf;

    /// <summary>Wave (depth) of each record: 1 for a root, parent's wave + 1 for a child.</summary>
    public ReadOnlySpan<int> WaveOf => _waveOf;

    /// <summary>Record index of each tree's root.</summary>
    public ReadOnlySpan<int> Roots => _roots;

    /// <summary>Record indices of the members of <paramref name="tree"/>, in record (causal) order, root first.</summary>
    public ReadOnlySpan<int> Members(int tree) =>
        _members.AsSpan(_memberStart[tree], _memberStart[tree + 1] - _memberStart[tree]);

    /// <summary>Throws when this forest was not built from a list of <paramref name="recordCount"/> records.</summary>
    internal void ThrowIfNotBuiltFrom(int recordCount, string paramName)
    {
        if (RecordCount != recordCount)
        {
            ThrowHelper.ThrowArgument(paramName, $"The forest was built from {RecordCount} liquidations, not from these {recordCount}.");
        }
    }

    /// <summary>
    /// Builds the forest. Records must be in causal order (every parent before its children, as a recorder emits
    /// them) with unique ids ≥ 0, notionals ≥ 0, and a child never earlier in time than its parent.
    /// </summary>
    /// <exception cref="ArgumentException">A rule is broken; the message names the record index and ids.</exception>
    public static CascadeForest Build(ReadOnlySpan<LiquidationRecord> records)
    {
        int n = records.Length;
        var indexOfId = new Dictionary<long, int>(n);
        for (int i = 0; i < n; i++)
        {
            LiquidationRecord r = records[i];
            if (r.Id < 0)
            {
                ThrowHelper.ThrowArgument(nameof(records), $"Liquidation at index {i} has negative id {r.Id}.");
            }

            if (r.Notional < 0)
            {
                ThrowHelper.ThrowArgument(nameof(records), $"Liquidation at index {i} (id {r.Id}) has negative notional {r.Notional}.");
            }

            if (r.ParentId == r.Id)
            {
                ThrowHelper.ThrowArgument(nameof(records), $"Liquidation at index {i} (id {r.Id}) names itself as parent.");
            }

            if (!indexOfId.TryAdd(r.Id, i))
            {
                ThrowHelper.ThrowArgument(nameof(records), $"Liquidation at index {i} repeats id {r.Id} (first at index {indexOfId[r.Id]}).");
            }
        }

        var treeOf = new int[n];
        var waveOf = new int[n];
        var roots = new List<int>();
        int orphans = 0;
        for (int i = 0; i < n; i++)
        {
            LiquidationRecord r = records[i];
            if (r.HasParent && indexOfId.TryGetValue(r.ParentId, out int p))
            {
                CheckCausalOrder(records, i, p);
                treeOf[i] = treeOf[p];
                waveOf[i] = waveOf[p] + 1;
                continue;
            }

            orphans += r.HasParent ? 1 : 0;
            treeOf[i] = roots.Count;
            waveOf[i] = 1;
            roots.Add(i);
        }

        // Counting sort of record indices by tree keeps each tree's members in record order.
        var memberStart = new int[roots.Count + 1];
        for (int i = 0; i < n; i++)
        {
            memberStart[treeOf[i] + 1]++;
        }

        for (int t = 0; t < roots.Count; t++)
        {
            memberStart[t + 1] += memberStart[t];
        }

        var members = new int[n];
        int[] fill = memberStart[..^1]; // a copy: the next free slot of each tree
        for (int i = 0; i < n; i++)
        {
            members[fill[treeOf[i]]++] = i;
        }

        return new CascadeForest(treeOf, waveOf, [.. roots], memberStart, members, orphans);
    }

    private static void CheckCausalOrder(ReadOnlySpan<LiquidationRecord> records, int child, int parent)
    {
        LiquidationRecord c = records[child];
        LiquidationRecord p = records[parent];
        if (parent > child)
        {
            ThrowHelper.ThrowArgument(nameof(records),
                $"Liquidation at index {child} (id {c.Id}) names parent id {p.Id}, which comes later at index {parent}; records must be in causal order.");
        }

        if (c.TimeNs < p.TimeNs)
        {
            ThrowHelper.ThrowArgument(nameof(records),
                $"Liquidation at index {child} (id {c.Id}) happens at {c.TimeNs} ns, before its parent id {p.Id} at {p.TimeNs} ns.");
        }
    }
}
