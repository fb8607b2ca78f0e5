using Microstructure.Analysis.Plots;
using Microstructure.Analysis.Sweeps;

namespace Microstructure.Analysis.Tests.Sweeps;

public sealed class SweepReportTests
{
    private const string Catalog = """
        key,agents[2].leverage.max,design,seed,bad_debt_quote,liquidated_notional_quote,cascades
        k1,20,full-close,1,10,100,2
        k2,20,full-close,2,20,120,2
        k3,20,tiered-partial,1,5,50,2
        k4,20,tiered-partial,2,10,60,2
        k5,40,full-close,1,30,300,2
        k6,40,full-close,2,40,320,2
        k7,40,tiered-partial,1,15,150,2
        k8,40,tiered-partial,2,20,160,2
        """;

    [Fact]
    public void A_one_parameter_sweep_writes_the_tables_the_report_and_one_band_chart_per_varying_key_metric()
    {
        string directory = Path.Combine(Path.GetTempPath(), "sweep-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var stats = SweepStatistics.Compute(SweepTable.Parse(Catalog, "runs.csv"));

            var files = SweepReport.Write(directory, stats, new SweepReportOptions { Title = "Sweep of x.json", PlotSize = new ChartSize(400, 300) });
            var again = SweepReport.Write(directory, stats, new SweepReportOptions { Title = "Sweep of x.json", PlotSize = new ChartSize(400, 300) }); // a resume rewrites

            Assert.Equal(files, again);
            Assert.Equal(["plots/liquidated_notional_quote.png", "plots/bad_debt_quote.png"], files.Where(f => f.StartsWith("plots/", StringComparison.Ordinal)));
            string[] csv = File.ReadAllLines(Path.Combine(directory, SweepReport.StatisticsFile));
            Assert.Equal("metric,label,unit,better,design,agents[2].leverage.max,runs,values,mean,std,median,p5,p95,ci_low,ci_high", csv[0]);
            Assert.Contains(csv, l => l.StartsWith("bad_debt_quote,bad debt,quote,lower,full-close,40,2,2,35,", StringComparison.Ordinal));
            string report = File.ReadAllText(Path.Combine(directory, SweepReport.ReportFile));
            Assert.StartsWith("# Sweep of x.json\n\n8 runs: 2 points of agents[2].leverage.max × 2 designs × 2 seeds.", report, StringComparison.Ordinal);
            Assert.Contains("## Constant over the sweep\n\ncascades (count) 2.", report, StringComparison.Ordinal);
            Assert.DoesNotContain("cascades.png", report, StringComparison.Ordinal);
            Assert.True(new FileInfo(Path.Combine(directory, "plots", "bad_debt_quote.png")).Length > 10_000);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
