using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Tests.Tables;

public sealed class RowBatchTests
{
    [Fact]
    public void Writing_the_wrong_type_names_the_column()
    {
        var batch = new RowBatch(SampleRowMapper.Schema, 4);
        var ex = Assert.Throws<InvalidOperationException>(() =>
        {
            RowWriter w = batch.BeginRow();
            w.Int64(1);
            w.Double(2); // schema expects NullableInt64 here
        });

        Assert.Contains("'optional'", ex.Message);
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public void Completing_a_row_with_missing_columns_names_the_first_missing_one()
    {
        var batch = new RowBatch(SampleRowMapper.Schema, 4);
        var ex = Assert.Throws<InvalidOperationException>(() =>
        {
            RowWriter w = batch.BeginRow();
            w.Int64(1);
            w.NullableInt64(null);
            w.Complete();
        });

        Assert.Contains("'value'", ex.Message);
    }

    [Fact]
    public void A_full_batch_refuses_rows_until_cleared()
    {
        var batch = new RowBatch(new TableSchema(new TableColumn("x", ColumnType.Int64, "")), 1);
        RowWriter w = batch.BeginRow();
        w.Int64(7);
        w.Complete();

        Assert.True(batch.IsFull);
        Assert.Throws<InvalidOperationException>(() => batch.BeginRow());
        batch.Clear();
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public void Schemas_reject_repeated_and_empty_names()
    {
        Assert.Throws<ArgumentException>(() => new TableSchema(
            new TableColumn("a", ColumnType.Int64, ""), new TableColumn("a", ColumnType.Double, "")));
        Assert.Throws<ArgumentException>(() => new TableSchema(new TableColumn(" ", ColumnType.Int64, "")));
        Assert.Throws<ArgumentException>(() => new TableSchema());
    }
}
