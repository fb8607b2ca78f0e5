using Microstructure.Prediction.Data;
using Microstructure.Prediction.Learning;

namespace Microstructure.Prediction.Tests;

public sealed class MetricsTests
{
    [Fact]
    public void Auc_is_the_share_of_positive_negative_pairs_ranked_right_with_ties_half()
    {
        Assert.Equal(1.0, Metrics.RocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true]));
        Assert.Equal(0.0, Metrics.RocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true]));
        Assert.Equal(0.5, Metrics.RocAuc([1, 1, 1, 1], [false, true, false, true]));
        // Pairs (p, n): (0.5, 0.1) right, (0.5, 0.7) wrong, (0.9, both) right → 3 of 4.
        Assert.Equal(0.75, Metrics.RocAuc([0.1, 0.5, 0.7, 0.9], [false, true, false, true]));
        // NaN ranks lowest (a feature with nothing to compute it from).
        Assert.Equal(1.0, Metrics.RocAuc([double.NaN, 0.5], [false, true]));
        Assert.True(double.IsNaN(Metrics.RocAuc([0.1, 0.2], [false, false])));
    }

    [Fact]
    public void Precision_at_recall_and_average_precision_follow_the_ranking()
    {
        // Ranked: 0.9 (+), 0.8 (−), 0.7 (+), 0.1 (−): at recall 0.5 the threshold is 0.9 with precision 1.
        double[] scores = [0.1, 0.7, 0.8, 0.9];
        bool[] labels = [false, true, false, true];
        Assert.Equal((0.9, 1.0), Metrics.AtRecall(scores, labels, 0.5));
        Assert.Equal((0.7, 2.0 / 3), Metrics.AtRecall(scores, labels, 1.0));
        Assert.Equal(0.5 * 1.0 + 0.5 * (2.0 / 3), Metrics.PrAuc(scores, labels), 12);
    }

    [Fact]
    public void Lead_time_is_from_the_first_alarm_within_the_horizon_to_the_cascade_start()
    {
        const long S = 1_000_000_000;
        DatasetRow R(string run, long t, long? start) => new(run, t * S, start is not null, start * S, []);
        // Run a: a cascade at 10 s, positives at 6–9 s; the score first reaches 0.5 at 7 s → lead 3 s.
        // Run b: a cascade at 20 s never warned.
        DatasetRow[] rows = [R("a", 5, null), R("a", 6, 10), R("a", 7, 10), R("a", 8, 10), R("a", 9, 10), R("b", 18, 20), R("b", 19, 20)];
        double[] scores = [0.9, 0.1, 0.6, 0.2, 0.7, 0.1, 0.1];

        LeadTimes leads = Evaluation.Leads(rows, scores, 0.5);

        Assert.Equal(2, leads.Cascades);
        Assert.Equal(1, leads.Warned);
        Assert.Equal(3.0, leads.MedianSeconds);
    }
}
