using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Tables;
using Microstructure.Engine;

namespace Microstructure.Analysis.Tests.Impact;

public sealed class ImpactRowsTests
{
    private static string CsvOf(RowBatch batch)
    {
        var csv = new StringWriter();
        for (int i = 0; i < batch.Schema.Count; i++)
        {
            csv.Write(i == 0 ? string.Empty : ",");
            batch.Column(i).WriteCsv(0, csv);
        }

        return csv.ToString();
    }

    [Fact]
    public void Impact_bin_row_has_the_documented_columns()
    {
        var batch = new RowBatch(ImpactBinRows.Schema, 1);
        RowWriter w = batch.BeginRow();
        ImpactBinRows.Write(new ImpactBin(0.5, 1, 0.75, 0.002, 0.0001, 12), ref w);
        w.Complete();

        Assert.Equal("0.5,1,0.75,0.002,0.0001,12", CsvOf(batch));
        Assert.Equal("lower,upper,mean_size,mean_impact,std_error,count", string.Join(",", ImpactBinRows.Schema.Columns.Select(c => c.Name)));
    }

    [Fact]
    public void Order_row_carries_both_impacts_and_NaN_where_unknown()
    {
        var batch = new RowBatch(MarketOrderImpactRows.Schema, 1);
        RowWriter w = batch.BeginRow();
        MarketOrderImpactRows.Write(new MarketOrderImpact(7, Side.Sell, 3, 1000, 1000, 0), ref w);
        w.Complete();

        Assert.Equal("7,sell,3,1000,1000,0,0,NaN", CsvOf(batch));
    }
}
