namespace Microstructure.Risk.Ledger;

/// <summary>A growable list of ints that never shrinks (scratch lists of the business-logic thread).</summary>
internal sealed class IntList
{
    private int[] _items = new int[64];
    private int _count;

    public int Count => _count;

    public int this[int index] => _items[index];

    public void Add(int value)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_count++] = value;
    }

    public void Clear() => _count = 0;
}
