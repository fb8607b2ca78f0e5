using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Series;
using Microstructure.Analysis.Tables;
using Microstructure.Analysis.Tests.Tables;
using Microstructure.Engine;

namespace Microstructure.Analysis.Tests.Cascades;

public sealed class CascadeSummaryRowsTests
{
    [Fact]
    public void A_cascade_row_fills_every_column_with_nulls_as_empty_fields()
    {
        LiquidationRecord[] records = [new(1, LiquidationRecord.NoParent, 100, 1_000, Side.Sell, 10_000, 9_900)];
        CascadeSummary c = Assert.Single(CascadeAnalyzer.Analyze(records, new StepSeries(new long[] { 0 }, new long[] { 9_900 }, endNs: 500)));
        var batch = new RowBatch(CascadeSummaryRows.Schema, 1);
        RowWriter w = batch.BeginRow();

        CascadeSummaryRows.Write(c, ref w);
        w.Complete();

        var csv = new StringWriter();
        for (int i = 0; i < batch.Schema.Count; i++)
        {
            csv.Write(i == 0 ? string.Empty : ",");
            batch.Column(i).WriteCsv(0, csv);
        }

        Assert.Equal(21, CascadeSummaryRows.Schema.Count);
        Assert.Equal("0,1,100,100,0,1,1,1000,0,1000,sell,10000,9900,100,0.01,0,NaN,,,,", csv.ToString());
        Assert.Equal(1, batch.Count);
        _ = CsvReader.Parse(csv + "\r\n"); // a well-formed record
    }
}
