using Microstructure.Engine.Matching;

namespace Microstructure.Engine.Tests.Matching;

public sealed class PriceBitmapTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(64, 100)]
    [InlineData(4097, 300)]
    [InlineData(100_000_000, 2_000)]
    public void Find_next_and_previous_agree_with_a_sorted_set(long size, int distinct)
    {
        var bitmap = new PriceBitmap(size);
        var reference = new SortedSet<long>();
        var random = new Random((int)size);
        var pool = Enumerable.Range(0, distinct).Select(_ => random.NextInt64(size)).Append(0).Append(size - 1).ToArray();
        for (var step = 0; step < 20_000; step++)
        {
            var x = pool[random.Next(pool.Length)];
            if (reference.Remove(x))
            {
                bitmap.Clear(x);
            }
            else
            {
                reference.Add(x);
                bitmap.Set(x);
            }

            var probe = random.Next(3) == 0 ? pool[random.Next(pool.Length)] : random.NextInt64(size);
            var next = reference.GetViewBetween(probe, size).FirstOrDefault(-1);
            var previous = reference.GetViewBetween(0, probe).Count > 0 ? reference.GetViewBetween(0, probe).Max : -1;
            Assert.Equal(next, bitmap.FindNext(probe));
            Assert.Equal(previous, bitmap.FindPrevious(probe));
        }
    }
}
