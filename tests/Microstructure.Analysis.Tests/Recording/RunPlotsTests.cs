using Microstructure.Analysis.Recording;
using Microstructure.Analysis.Tests.Plots;
using Microstructure.Analysis.Tests.Recording.TestSupport;
using Microstructure.Engine;

namespace Microstructure.Analysis.Tests.Recording;

/// <summary>A run without liquidations still writes every plot about them, each saying so, and lists them in report.md.</summary>
public sealed class RunPlotsTests : IDisposable
{
    private const long Seller = 1, Provider = 2, Buyer = 4;
    private readonly TempDirectory _temp = new();

    public RunPlotsTests() => Directory.CreateDirectory(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_run_without_liquidations_writes_every_plot_with_a_note_and_the_report_links_them()
    {
        var s = new ExchangeScript(SmallCascade.Options());
        s.At(1);
        foreach (long account in (long[])[Seller, Provider, Buyer])
        {
            s.Deposit(account, 1_000_000m);
        }

        s.Deposit(s.Exchange.InsuranceFundAccountId, 1_000m);
        s.Limit(Seller, Side.Sell, 10_100, 50);
        s.Limit(Provider, Side.Buy, 10_000, 5);
        s.SnapshotL2(Provider, 20);
        s.At(3);
        s.Market(Buyer, Side.Buy, 5);
        s.SnapshotL2(Provider, 20);

        string dir = _temp.Sub("run");
        using (RunRecorder recorder = RunRecorder.Create(dir, SmallCascade.Info(s) with { Shocks = [] }, SmallCascade.RecorderOptions()))
        {
            s.ReplayInto(recorder);
            Assert.Equal(0, recorder.Complete().Liquidations);
        }

        foreach (string plot in (string[])["price", "cascades", "liquidations-per-second", "fund", "depth"])
        {
            Assert.True(File.Exists(Path.Combine(dir, "plots", plot + ".png")), $"{plot}.png was not written");
        }

        PngAssert.HasTextInTheMiddle(File.ReadAllBytes(Path.Combine(dir, "plots", "cascades.png")));
        PngAssert.HasTextInTheMiddle(File.ReadAllBytes(Path.Combine(dir, "plots", "liquidations-per-second.png")));
        PngAssert.HasTextInTheMiddle(File.ReadAllBytes(Path.Combine(dir, "plots", "fund.png")), 0.2, 0.4);
        string report = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains("](plots/liquidations-per-second.png)", report);
        Assert.Contains("](plots/fund.png)", report);
    }
}
