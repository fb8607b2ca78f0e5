namespace Microstructure.Prediction.Learning;

/// <summary>Ranking metrics of scores against binary labels (higher score = more likely positive); ties handled exactly.</summary>
internal static class Metrics
{
    /// <summary>ROC AUC: P(score of a random positive &gt; score of a random negative), ties counting ½ (Mann–Whitney). NaN without both classes.</summary>
    public static double RocAuc(ReadOnlySpan<double> rawScores, ReadOnlySpan<bool> labels)
    {
        double[] scores = Clean(rawScores);
        int[] order = Order(scores);
        long positives = 0, negatives = 0;
        foreach (bool l in labels)
        {
            if (l)
            {
                positives++;
            }
            else
            {
                negatives++;
            }
        }

        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        // Ascending by score; the rank sum of positives with average ranks over ties.
        double rankSum = 0;
        int i = 0;
        while (i < order.Length)
        {
            int j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            double averageRank = (i + j + 2) / 2d;
            for (int k = i; k <= j; k++)
            {
                if (labels[order[k]])
                {
                    rankSum += averageRank;
                }
            }

            i = j + 1;
        }

        return (rankSum - positives * (positives + 1) / 2d) / ((double)positives * negatives);
    }

    /// <summary>The precision–recall curve at every distinct score threshold, highest score first: (threshold, recall, precision).</summary>
    public static List<(double Threshold, double Recall, double Precision)> PrCurve(ReadOnlySpan<double> rawScores, ReadOnlySpan<bool> labels)
    {
        double[] scores = Clean(rawScores);
        int[] order = Order(scores);
        Array.Reverse(order);
        long positives = 0;
        foreach (bool l in labels)
        {
            positives += l ? 1 : 0;
        }

        var curve = new List<(double, double, double)>();
        if (positives == 0)
        {
            return curve;
        }

        long tp = 0, taken = 0;
        int i = 0;
        while (i < order.Length)
        {
            double s = scores[order[i]];
            while (i < order.Length && scores[order[i]] == s)
            {
                tp += labels[order[i]] ? 1 : 0;
                taken++;
                i++;
            }

            curve.Add((s, (double)tp / positives, (double)tp / taken));
        }

        return curve;
    }

    /// <summary>PR AUC as average precision: Σ (recall_k − recall_{k−1}) × precision_k over the thresholds. NaN without positives.</summary>
    public static double PrAuc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var curve = PrCurve(scores, labels);
        if (curve.Count == 0)
        {
            return double.NaN;
        }

        double ap = 0, previousRecall = 0;
        foreach (var (_, recall, precision) in curve)
        {
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
        }

        return ap;
    }

    /// <summary>The highest threshold whose recall reaches <paramref name="recall"/>, and the precision there; NaN without positives.</summary>
    public static (double Threshold, double Precision) AtRecall(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double recall)
    {
        foreach (var point in PrCurve(scores, labels))
        {
            if (point.Recall >= recall)
            {
                return (point.Threshold, point.Precision);
            }
        }

        return (double.NaN, double.NaN);
    }

    /// <summary>NaN (a feature with nothing to compute it from) ranks lowest, as −∞.</summary>
    private static double[] Clean(ReadOnlySpan<double> scores)
    {
        double[] keys = new double[scores.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = double.IsNaN(scores[i]) ? double.NegativeInfinity : scores[i];
        }

        return keys;
    }

    /// <summary>Indexes sorted by (cleaned) score ascending, ties by index: deterministic.</summary>
    private static int[] Order(double[] keys)
    {
        int[] order = [.. Enumerable.Range(0, keys.Length)];
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        return order;
    }
}
