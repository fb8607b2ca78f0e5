using Microstructure.Analysis.Impact;

namespace Microstructure.Analysis.Tests.Impact;

public sealed class ImpactBinningTests
{
    [Fact]
    public void Bins_are_log_spaced_and_average_the_points_inside()
    {
        // Sizes at 1, 10, 100 (three decades → with 2 bins: [1, 10) and [10, 100]).
        double[] sizes = [1, 1, 10, 100, 100];
        double[] impacts = [1, 3, 5, 7, 9];

        ImpactBin[] bins = ImpactBinning.LogBins(sizes, impacts, binCount: 2, minCount: 1);

        Assert.Equal(2, bins.Length);
        Assert.Equal(1.0, bins[0].Lower, 12);
        Assert.Equal(10.0, bins[0].Upper, 9);
        Assert.Equal(2, bins[0].Count);
        Assert.Equal(2.0, bins[0].MeanImpact, 12);
        Assert.Equal(1.0, bins[0].StandardError, 12); // s.d. √2 over √2
        Assert.Equal(3, bins[1].Count);
        Assert.Equal(7.0, bins[1].MeanImpact, 12);
        Assert.Equal(70.0, bins[1].MeanSize, 12);
    }

    [Fact]
    public void Sparse_bins_are_dropped_and_unusable_points_skipped()
    {
        double[] sizes = [1, 1, 1, 1000, 0, -5, double.NaN];
        double[] impacts = [1, 1, 1, 1, 1, 1, 1];

        ImpactBin[] bins = ImpactBinning.LogBins(sizes, impacts, binCount: 3, minCount: 2);

        ImpactBin only = Assert.Single(bins);
        Assert.Equal(3, only.Count);
    }

    [Fact]
    public void All_equal_sizes_fall_into_one_bin_and_empty_input_gives_no_bins()
    {
        Assert.Equal(4, Assert.Single(ImpactBinning.LogBins([2.0, 2, 2, 2], [1.0, 2, 3, 4], 5, 1)).Count);
        Assert.Empty(ImpactBinning.LogBins([], [], 5, 1));
    }
}
