using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Plots;

namespace Microstructure.Analysis.Tests.Plots;

public sealed class ImpactCurveChartTests
{
    private static readonly ChartSize Size = new(640, 400);

    [Fact]
    public void Impact_curve_is_a_non_trivial_png_of_the_requested_size()
    {
        ImpactBin[] bins = ChartData.Bins();

        byte[] png = ImpactCurveChart.RenderPng(bins, SquareRootLaw.Fit(bins, 0.01), Size);

        PngAssert.IsNonTrivialPng(png, 640, 400);
    }

    [Fact]
    public void Save_creates_the_directory_and_writes_the_png()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ms-plots-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path = Path.Combine(dir, "plots", "impact.png");
            ImpactBin[] bins = ChartData.Bins();

            ImpactCurveChart.SavePng(path, bins, SquareRootLaw.Fit(bins, 0.01), Size);

            PngAssert.IsNonTrivialPng(File.ReadAllBytes(path), 640, 400);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
