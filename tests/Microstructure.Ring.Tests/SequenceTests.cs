using System.Reflection;
using System.Runtime.InteropServices;

namespace Microstructure.Ring.Tests;

public class SequenceTests
{
    [Fact]
    public void New_sequence_starts_at_minus_one()
    {
        Assert.Equal(-1, Sequence.InitialValue);
        Assert.Equal(Sequence.InitialValue, new Sequence().Value);
    }

    [Fact]
    public void Value_is_padded_by_128_bytes_on_each_side()
    {
        var layout = typeof(Sequence).StructLayoutAttribute!;
        Assert.Equal(LayoutKind.Explicit, layout.Value);
        var field = typeof(Sequence).GetField("_value", BindingFlags.Instance | BindingFlags.NonPublic)!;
        var offset = field.GetCustomAttribute<FieldOffsetAttribute>()!.Value;
        Assert.Equal(128, offset);
        Assert.True(layout.Size >= offset + sizeof(long) + 128, $"size {layout.Size} leaves less than 128 bytes after the value");
    }

    [Fact]
    public void SetValue_and_SetValueVolatile_store_the_value()
    {
        var sequence = new Sequence();
        sequence.SetValue(41);
        Assert.Equal(41, sequence.Value);
        sequence.SetValueVolatile(42);
        Assert.Equal(42, sequence.Value);
    }

    [Fact]
    public void CompareAndSet_replaces_only_when_the_expected_value_matches()
    {
        var sequence = new Sequence(5);
        Assert.False(sequence.CompareAndSet(4, 10));
        Assert.Equal(5, sequence.Value);
        Assert.True(sequence.CompareAndSet(5, 10));
        Assert.Equal(10, sequence.Value);
    }

    [Fact]
    public void IncrementAndGet_and_AddAndGet_return_the_new_value()
    {
        var sequence = new Sequence();
        Assert.Equal(0, sequence.IncrementAndGet());
        Assert.Equal(5, sequence.AddAndGet(5));
        Assert.Equal(5, sequence.Value);
    }

    [Fact]
    public void Concurrent_increments_are_never_lost()
    {
        var sequence = new Sequence(0);
        const int PerThread = 200_000;
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                sequence.IncrementAndGet();
            }
        });
        Assert.Equal(4L * PerThread, sequence.Value);
    }
}
