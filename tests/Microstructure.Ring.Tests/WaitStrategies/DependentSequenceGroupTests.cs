namespace Microstructure.Ring.Tests.WaitStrategies;

public class DependentSequenceGroupTests
{
    [Fact]
    public void Value_is_the_cursor_when_there_are_no_upstream_sequences()
    {
        var cursor = new Sequence(17);
        var group = new DependentSequenceGroup(cursor);
        Assert.Equal(17, group.Value);
        Assert.Equal(17, group.CursorValue);
        Assert.Equal(0, group.Count);
    }

    [Fact]
    public void Value_is_the_minimum_of_the_upstream_sequences_not_the_cursor()
    {
        var cursor = new Sequence(100);
        var a = new Sequence(40);
        var b = new Sequence(30);
        var group = new DependentSequenceGroup(cursor, a, b);
        Assert.Equal(30, group.Value);
        b.SetValue(50);
        Assert.Equal(40, group.Value);
        Assert.Equal(100, group.CursorValue);
    }
}
